import { createMessage, type JsonMessage } from '@digital-human/protocol';
import { describe, expect, it } from 'vitest';
import type { SayRequest } from '../TurnWriter';
import { type SpeechSynthesis, SpokenDialog } from './SpokenDialog';
import type { SpokenUtterance } from './synthesizeSpeech';

/** A synthesiser that makes 10 ms of silence per character, with one viseme cue. */
const fakeSynthesis = (): SpeechSynthesis => ({
  synthesize: (say) => ({
    ...say,
    sampleRate: 16_000,
    samples: new Int16Array(160 * say.text.length),
    cues: [{ viseme: 'aa', start: 0, end: 0.01 * say.text.length }],
  }),
  dispose: () => undefined,
});

function collect(synthesis: () => Promise<SpeechSynthesis | null>) {
  const out = {
    messages: [] as JsonMessage[],
    speech: [] as SpokenUtterance[],
    unspoken: [] as SayRequest[],
    warnings: [] as string[],
  };
  const dialog = new SpokenDialog(
    {
      message: (m) => out.messages.push(m),
      speech: (u) => out.speech.push(u),
      unspoken: (s) => out.unspoken.push(s),
      warning: (w) => out.warnings.push(w),
    },
    { synthesis, businessFlows: true },
  );
  return { dialog, out };
}

const hello = createMessage('hello', { protocolVersion: '1.0', capabilities: [], language: 'en' });

describe('SpokenDialog', () => {
  it('greets on hello: caption first, then speech with the caption’s utterance id', async () => {
    const { dialog, out } = collect(async () => fakeSynthesis());
    await dialog.handle(hello);
    await dialog.idle();
    const caption = out.messages.find((m) => m.type === 'speech.caption');
    expect(caption?.type === 'speech.caption' && caption.language).toBe('en');
    expect(out.speech).toHaveLength(1);
    expect(out.speech[0]?.utteranceId).toBe(caption?.type === 'speech.caption' && caption.utteranceId);
    expect(out.speech[0]?.samples.length).toBe(160 * out.speech[0]!.text.length);
    dialog.dispose();
  });

  it('hands speech to `unspoken` with a warning when the synthesiser does not load', async () => {
    const { dialog, out } = collect(() => Promise.reject(new Error('no wasm')));
    await dialog.handle(createMessage('user.text', { id: 't-1', text: 'opening hours?' }));
    await dialog.idle();
    expect(out.speech).toEqual([]);
    expect(out.unspoken.length).toBeGreaterThan(0);
    expect(out.warnings.some((w) => w.includes('no wasm'))).toBe(true);
    expect(out.messages.some((m) => m.type === 'ack' && m.ackId === 't-1')).toBe(true);
    dialog.dispose();
  });

  it('speaks nothing and never rejects after dispose()', async () => {
    const { dialog, out } = collect(async () => fakeSynthesis());
    dialog.dispose();
    await expect(dialog.handle(hello)).resolves.toEqual([]);
    await dialog.idle();
    expect(out.speech).toEqual([]);
  });
});
