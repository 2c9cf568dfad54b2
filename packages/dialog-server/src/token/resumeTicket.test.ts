import { describe, expect, it } from 'vitest';
import { issueResumeTicket, readResumeTicket } from './resumeTicket';

const target = { room: 'dh-0123456789abcdef', identity: 'customer-0123456789abcdef' };

describe('resume tickets', () => {
  it('lead back to their room and identity until they expire', () => {
    const ticket = issueResumeTicket('secret', target, 10_000);
    expect(readResumeTicket('secret', ticket, 9_999)).toEqual(target);
    expect(readResumeTicket('secret', ticket, 10_000)).toBeNull();
  });

  it('refuse another secret, edits and junk', () => {
    const ticket = issueResumeTicket('secret', target, 10_000);
    expect(readResumeTicket('other', ticket, 0)).toBeNull();
    expect(readResumeTicket('secret', ticket.replace('dh-0', 'dh-1'), 0)).toBeNull();
    expect(readResumeTicket('secret', ticket.replace('~10000~', '~99999~'), 0)).toBeNull();
    for (const junk of ['', '~~~', 'a~b~c~d~e', ticket.slice(0, -2)])
      expect(readResumeTicket('secret', junk, 0)).toBeNull();
  });
});
