import { createMessage, Limits, type MessageOf, type TransportVisemeCue } from '@digital-human/protocol';

/**
 * Viseme cues (seconds from the utterance's first sample) as `speech.visemes` messages: milliseconds on the wire,
 * at most `Limits.maxCuesPerChunk` cues per message, numbered by `seq`.
 */
export function visemeMessages(
  utteranceId: string,
  cues: readonly TransportVisemeCue[],
): MessageOf<'speech.visemes'>[] {
  const messages: MessageOf<'speech.visemes'>[] = [];
  const size = Limits.maxCuesPerChunk;
  for (let i = 0, seq = 0; i < cues.length; i += size, seq++) {
    const chunk = cues.slice(i, i + size).map((c) => {
      const t = Math.round(c.start * 1000);
      const d = Math.max(0, Math.round(c.end * 1000) - t);
      return c.weight === undefined ? { v: c.viseme, t, d } : { v: c.viseme, t, d, w: c.weight };
    });
    messages.push(createMessage('speech.visemes', { utteranceId, seq, cues: chunk }));
  }
  return messages;
}
