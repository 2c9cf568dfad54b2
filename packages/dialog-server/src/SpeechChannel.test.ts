import type { SpokenUtterance } from '@digital-human/dialog/local';
import type { JsonMessage, Role } from '@digital-human/protocol';
import { describe, expect, it } from 'vitest';
import type { AudioStreamHeader, SessionLink } from './SessionLink';
import { SpeechChannel } from './SpeechChannel';

const RATE = 8000;
const utterance = (id: string, seconds: number): SpokenUtterance => ({
  utteranceId: id,
  text: 'hello',
  language: 'en' as SpokenUtterance['language'],
  sampleRate: RATE,
  samples: new Int16Array(RATE * seconds),
  cues: [{ viseme: 'aa', start: 0, end: seconds }],
});

function setup(leadSeconds: number) {
  const writes: { id: string; bytes: number; at: number }[] = [];
  const closed: { id: string; at: number }[] = [];
  const clears: string[] = [];
  const sent: JsonMessage[] = [];
  let idle = 0;
  const link: SessionLink = {
    send: async () => undefined,
    openAudio: async (_to: string, header: AudioStreamHeader) => ({
      write: async (chunk: Uint8Array) => {
        writes.push({ id: header.utteranceId, bytes: chunk.length, at: performance.now() });
      },
      close: async () => {
        closed.push({ id: header.utteranceId, at: performance.now() });
      },
    }),
    sendTranscription: async () => undefined,
    clearBuffer: async (to: string) => {
      clears.push(to);
    },
    participantsWithRole: (_role: Role) => [],
  };
  const channel = new SpeechChannel(
    link,
    'cust',
    {
      send: async (m) => {
        sent.push(m);
      },
      streaming: () => undefined,
      finished: () => undefined,
      idle: () => {
        idle++;
      },
      error: (e) => {
        throw e;
      },
    },
    { leadSeconds, chunkMs: 50 },
  );
  return { channel, writes, closed, clears, sent, idles: () => idle };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
};
const bytesOf = (writes: { id: string; bytes: number }[], id: string) =>
  writes.filter((w) => w.id === id).reduce((n, w) => n + w.bytes, 0);

describe('SpeechChannel', () => {
  it('streams at most leadSeconds ahead of real time, then closes the stream', async () => {
    const { channel, writes, closed } = setup(0.1);
    const t0 = performance.now();
    channel.enqueue(utterance('u1', 0.6));
    await until(() => closed.length === 1);
    expect(bytesOf(writes, 'u1')).toBe(RATE * 0.6 * 2);
    // 0.6 s of audio, 0.1 s lead: the last chunk cannot go out before ~0.45 s (timers may be late, never early).
    expect(closed[0]!.at - t0).toBeGreaterThan(400);
    expect(channel.busy).toBe(true); // until the customer's lk.playback_finished
    channel.playbackFinished(false, 0.6);
    expect(channel.busy).toBe(false);
  });

  it('an interrupt stops the stream early, drops the queue, ends the utterance and clears the buffer', async () => {
    const { channel, writes, closed, clears, sent } = setup(0.05);
    channel.announce('u1');
    channel.enqueue(utterance('u1', 2));
    channel.announce('u2');
    await until(() => writes.length > 2);
    const cut = channel.interrupt();
    expect(cut.sort()).toEqual(['u1', 'u2']);
    expect(clears).toEqual(['cust']);
    await until(() => closed.length === 1);
    expect(bytesOf(writes, 'u1')).toBeLessThan(RATE * 2 * 2);
    channel.enqueue(utterance('u2', 0.2)); // its speech arrives after the interrupt: dropped
    await new Promise((r) => setTimeout(r, 50));
    expect(writes.some((w) => w.id === 'u2')).toBe(false);
    expect(sent.filter((m) => m.type === 'speech.end')).toEqual([
      expect.objectContaining({ utteranceId: 'u1', interrupted: true }),
    ]);
  });

  it('makes no RPC when nothing is speaking, and reset() forgets what was in flight', async () => {
    const { channel, closed, clears } = setup(10);
    expect(channel.interrupt()).toEqual([]);
    channel.enqueue(utterance('u1', 0.1));
    await until(() => closed.length === 1);
    expect(channel.reset()).toEqual(['u1']);
    expect(channel.busy).toBe(false);
    expect(clears).toEqual([]);
  });
});
