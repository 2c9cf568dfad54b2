import { createMessage, decode, encode, exampleMessages } from '@digital-human/protocol';
import { describe, expect, it } from 'vitest';
import { DialogEngine } from './DialogEngine';

describe('isomorphic: the engine and the protocol in Chromium', () => {
  it('decodes a customer message, answers it, and every output encodes for the wire', async () => {
    const wire = encode(createMessage('user.text', { id: 'b1', text: '我的卡丢了怎么办' }));
    const decoded = decode(wire, 'customer');
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    const engine = new DialogEngine({ now: () => 0, random: () => 0 });
    const outputs = await engine.handle(decoded.message);
    const says = outputs.flatMap((o) => (o.kind === 'say' ? [o.say] : []));
    expect(says[0]?.text).toContain('挂失');
    for (const o of outputs)
      if (o.kind === 'message') expect(decode(encode(o.message), 'agent').ok).toBe(true);
    expect(decode(encode(exampleMessages()['ui.card']), 'customer').ok).toBe(false);
    engine.dispose();
  });
});
