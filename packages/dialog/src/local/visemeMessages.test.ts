import { validate } from '@digital-human/protocol';
import { describe, expect, it } from 'vitest';
import { checkReply } from './hostMessages';
import { visemeMessages } from './visemeMessages';

describe('visemeMessages', () => {
  it('turns seconds into ms chunks that validate, in seq order', () => {
    const cues = Array.from({ length: 300 }, (_, i) => ({
      viseme: i % 2 ? ('aa' as const) : ('PP' as const),
      start: i * 0.05,
      end: i * 0.05 + 0.05,
    }));
    const messages = visemeMessages('utt-1', cues);
    expect(messages.map((m) => [m.seq, m.cues.length])).toEqual([
      [0, 256],
      [1, 44],
    ]);
    for (const m of messages) expect(validate(m)).toBe(m);
    expect(messages[1]!.cues[0]).toEqual({ v: 'PP', t: 12_800, d: 50 });
  });
});

describe('checkReply', () => {
  it('accepts well-formed replies and refuses forged ones', () => {
    const speech = {
      kind: 'speech',
      utteranceId: 'u',
      sampleRate: 22050,
      samples: new Float32Array(22050),
      cues: [{ viseme: 'aa', start: 0, end: 0.2, weight: 0.5 }],
    };
    expect(checkReply(speech)).toBe(speech);
    expect(checkReply({ kind: 'message', text: '{}' })).toEqual({ kind: 'message', text: '{}' });
    expect(checkReply(null)).toBe('not an object');
    expect(checkReply({ kind: 'eval', code: 'x' })).toBe('unknown kind');
    expect(checkReply({ ...speech, samples: [0, 1] })).toBe('bad speech');
    expect(checkReply({ ...speech, sampleRate: 1e9 })).toBe('bad speech');
    expect(checkReply({ ...speech, cues: [{ viseme: 'aa', start: 1, end: 0.5 }] })).toBe('bad speech');
    expect(checkReply({ ...speech, cues: [{ viseme: '__proto__', start: 0, end: 1 }] })).toBe('bad speech');
    expect(checkReply({ kind: 'say', utteranceId: 'u', text: 'x'.repeat(5000), language: 'en' })).toBe(
      'bad say request',
    );
  });
});
