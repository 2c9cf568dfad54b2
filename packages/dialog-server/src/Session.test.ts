import type { SpeechSynthesis } from '@digital-human/dialog/local';
import { createMessage, encode, type JsonMessage, type Role, type Sender } from '@digital-human/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { Session } from './Session';
import type { AudioStreamHeader, SessionLink } from './SessionLink';

const CUSTOMER: Sender = { identity: 'cust-1', role: 'customer' };
const FORGER: Sender = { identity: 'cust-evil', role: 'customer' };
const OPERATOR: Sender = { identity: 'op-1', role: 'operator' };

/** 20 ms of silence per character at 8 kHz, one cue. */
const fakeSynthesis = async (): Promise<SpeechSynthesis> => ({
  synthesize: (say) => ({
    ...say,
    sampleRate: 8000,
    samples: new Int16Array(160 * say.text.length),
    cues: [{ viseme: 'aa', start: 0, end: 0.02 }],
  }),
  dispose: () => undefined,
});

/** An in-memory room: records what the session sends, streams and calls. */
class FakeLink implements SessionLink {
  readonly sent: { message: JsonMessage; to: readonly string[] | undefined }[] = [];
  readonly audio: { to: string; header: AudioStreamHeader; bytes: number; closed: boolean }[] = [];
  readonly transcriptions: { segmentId: string; text: string }[] = [];
  readonly clears: string[] = [];
  operators: string[] = [];

  async send(message: JsonMessage, to?: readonly string[]) {
    this.sent.push({ message, to });
  }
  async openAudio(to: string, header: AudioStreamHeader) {
    const entry = { to, header, bytes: 0, closed: false };
    this.audio.push(entry);
    return {
      write: async (chunk: Uint8Array) => {
        entry.bytes += chunk.length;
      },
      close: async () => {
        entry.closed = true;
      },
    };
  }
  async sendTranscription(_to: string, segmentId: string, text: string) {
    this.transcriptions.push({ segmentId, text });
  }
  async clearBuffer(to: string) {
    this.clears.push(to);
  }
  participantsWithRole(role: Role) {
    return role === 'operator' ? this.operators : [];
  }
  types() {
    return this.sent.map((s) => s.message.type);
  }
  of<T extends JsonMessage['type']>(type: T) {
    return this.sent
      .map((s) => s.message)
      .filter((m): m is Extract<JsonMessage, { type: T }> => m.type === type);
  }
}

const hello = createMessage('hello', { protocolVersion: '1.0', capabilities: [], language: 'en' });
const text = (id: string, t: string) => createMessage('user.text', { id, text: t });
const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!check()) throw new Error(`timed out: ${what}`);
};

let session: Session | undefined;
function open(leadSeconds = 10, helloWaitMs = 60_000) {
  const link = new FakeLink();
  session = new Session({
    link,
    customerIdentity: CUSTOMER.identity,
    synthesis: fakeSynthesis,
    speech: { leadSeconds },
    helloWaitMs,
  });
  return { link, session };
}
afterEach(() => session?.dispose());

describe('Session', () => {
  it('greets on the first hello: caption, speech.start, visemes and audio carry one utterance id', async () => {
    const { link, session } = open();
    session.receive(encode(hello), CUSTOMER);
    await until(() => link.audio.some((a) => a.closed), 'greeting audio');
    const caption = link.of('speech.caption')[0]!;
    const start = link.of('speech.start')[0]!;
    expect(start.utteranceId).toBe(caption.utteranceId);
    expect(link.of('speech.visemes')[0]?.utteranceId).toBe(caption.utteranceId);
    expect(link.audio[0]).toMatchObject({ to: 'cust-1', header: { utteranceId: caption.utteranceId } });
    expect(link.audio[0]!.bytes).toBe(160 * 2 * caption.text.length);
    expect(link.transcriptions[0]).toEqual({ segmentId: caption.utteranceId, text: caption.text });
    expect(session.speaking).toBe(true); // until the customer's lk.playback_finished
    session.playbackFinished(CUSTOMER.identity, { playback_position: 1, interrupted: false });
    expect(session.speaking).toBe(false);
    await until(() => link.of('speech.end').length === 1, 'speech.end');
    expect(link.of('speech.end')[0]).toMatchObject({ utteranceId: caption.utteranceId, interrupted: false });
    await until(() => link.of('dialog.state').at(-1)?.state === 'listening', 'listening');
  });

  it('answers a repeated hello with the state instead of a second greeting', async () => {
    const { link, session } = open();
    session.receive(encode(hello), CUSTOMER);
    await until(() => link.audio.length === 1, 'greeting');
    const before = link.sent.length;
    session.receive(encode(hello), CUSTOMER);
    await until(() => link.sent.length > before, 'resync');
    const resync = link.sent.slice(before).map((s) => s.message);
    expect(resync[0]).toMatchObject({ type: 'dialog.state', language: 'en' });
    expect(resync.some((m) => m.type === 'ui.quick_replies')).toBe(true);
    expect(resync.filter((m) => m.type === 'speech.caption')).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 50));
    expect(link.audio).toHaveLength(1);
  });

  it('acks each text once handled and a repeat again, without a second answer', async () => {
    const { link, session } = open();
    session.receive(encode(text('t-1', 'opening hours?')), CUSTOMER);
    await until(() => link.audio.length === 1, 'answer');
    session.receive(encode(text('t-1', 'opening hours?')), CUSTOMER);
    await until(() => link.of('ack').length === 2, 'second ack');
    await new Promise((r) => setTimeout(r, 50));
    expect(link.of('ack').map((a) => a.ackId)).toEqual(['t-1', 't-1']);
    expect(link.of('speech.caption')).toHaveLength(1);
    expect(link.clears).toEqual([]); // a repeat does not cut the answer
  });

  it('cuts speech on a new text: speech.end interrupted, lk.clear_buffer, then the new answer', async () => {
    const { link, session } = open();
    session.receive(encode(hello), CUSTOMER);
    await until(() => link.audio.length === 1, 'greeting');
    const greeting = link.audio[0]!.header.utteranceId;
    session.receive(encode(text('t-2', 'lost card')), CUSTOMER);
    expect(link.clears).toEqual(['cust-1']);
    await until(() => link.of('speech.end').length === 1, 'speech.end');
    expect(link.of('speech.end')[0]).toEqual(
      expect.objectContaining({ utteranceId: greeting, interrupted: true }),
    );
    await until(() => link.audio.length === 2, 'answer');
    // The cut greeting's late playback_finished is matched to it, not to the answer.
    session.playbackFinished(CUSTOMER.identity, { playback_position: 0.2, interrupted: true });
    expect(link.of('speech.end')).toHaveLength(1);
    expect(session.speaking).toBe(true);
  });

  it('ignores another customer-role participant and refuses its RPCs', async () => {
    const { link, session } = open();
    const rejected: string[] = [];
    session.events.on('rejected', ({ error }) => rejected.push((error as { code: string }).code));
    session.receive(encode(hello), FORGER);
    session.receive(encode(text('f-1', 'transfer money')), FORGER);
    session.receive(encode(createMessage('ui.quick_replies', { replies: [] })), CUSTOMER);
    await new Promise((r) => setTimeout(r, 50));
    expect(link.sent).toEqual([]);
    expect(rejected).toEqual(['not-the-customer', 'not-the-customer', 'forbidden-sender']);
    expect(() =>
      session.playbackFinished(FORGER.identity, { playback_position: 0, interrupted: false }),
    ).toThrow(/not this session's customer/);
  });

  it('emits every inbound message with its sender, operators included, and every outbound one', async () => {
    const { link, session } = open();
    const inbound: string[] = [];
    const outbound: string[] = [];
    session.events.on('inbound', ({ message, sender }) => inbound.push(`${sender.role}:${message.type}`));
    session.events.on('outbound', ({ message }) => outbound.push(message.type));
    session.receive(encode(createMessage('handoff.take_over', {})), OPERATOR);
    session.receive(encode(text('t-3', 'hi')), CUSTOMER);
    await until(() => link.audio.length === 1, 'answer');
    expect(inbound).toEqual(['operator:handoff.take_over', 'customer:user.text']);
    expect(outbound).toEqual(link.types());
    expect(session.agentState).toBe('active'); // the operator's message is for the handoff layer
  });

  it('suspendAgent() clears the buffer and speaks nothing; resumeAgent() hands the human turns back', async () => {
    const { link, session } = open();
    link.operators = ['op-1'];
    session.receive(encode(hello), CUSTOMER);
    await until(() => link.audio.length === 1, 'greeting');
    await session.suspendAgent('op-1');
    expect(link.clears).toEqual(['cust-1']);
    expect(link.of('handoff.state').at(-1)).toMatchObject({ controller: 'human' });
    session.receive(encode(text('t-4', 'opening hours?')), CUSTOMER);
    await until(() => link.of('handoff.assist').length === 1, 'assist');
    expect(link.sent.find((s) => s.message.type === 'handoff.assist')?.to).toEqual(['op-1']);
    expect(link.of('ack').map((a) => a.ackId)).toEqual(['t-4']);
    expect(link.audio).toHaveLength(1);
    await session.resumeAgent([{ speaker: 'operator', text: 'Your card is blocked now.' }]);
    await until(() => link.audio.length === 2, 'speech after resume');
    expect(session.agentState).toBe('active');
    expect(link.of('handoff.state').at(-1)).toMatchObject({ controller: 'ai' });
  });

  it('greets after helloWaitMs when the hello was lost on arrival; the late hello gets a resync', async () => {
    const { link, session } = open(10, 30);
    session.customerArrived();
    expect(link.sent).toEqual([]);
    await until(() => link.audio.length === 1, 'greeting without hello');
    expect(link.of('speech.caption')[0]?.language).toBe('zh-CN');
    session.receive(encode(hello), CUSTOMER);
    await until(() => link.of('dialog.state').length === 2, 'resync');
    expect(link.audio).toHaveLength(1);
  });

  it('does not greet unasked when the hello came in time, or the customer left', async () => {
    const { link, session } = open(10, 30);
    session.customerArrived();
    session.customerLeft();
    await new Promise((r) => setTimeout(r, 80));
    expect(link.sent).toEqual([]);
    session.customerArrived();
    session.receive(encode(hello), CUSTOMER);
    await until(() => link.audio.length === 1, 'greeting');
    await new Promise((r) => setTimeout(r, 80));
    expect(link.of('speech.caption')).toHaveLength(1);
  });
});
