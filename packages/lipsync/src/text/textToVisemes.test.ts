import { describe, expect, it } from 'vitest';
import { floorShares, textToCues, textToUnits, timedTextToCues } from './textToVisemes';

describe('textToUnits', () => {
  it('makes one syllable per Han character, one unit per English word, pauses at punctuation', () => {
    const units = textToUnits('您好，welcome to 银行!');
    expect(units.map((u) => [u.kind, u.text])).toEqual([
      ['zh', '您'],
      ['zh', '好'],
      ['pause', '，'],
      ['en', 'welcome'],
      ['en', 'to'],
      ['zh', '银'],
      ['zh', '行'],
      ['pause', '!'],
    ]);
    expect(units[6]!.parts.map((p) => p.viseme)).toEqual(['kk', 'aa', 'kk']); // 银行 háng
  });

  it('spells numbers before reading them', () => {
    const units = textToUnits('年化 3.5%');
    expect(units.map((u) => u.text).join('')).toBe('年化百分之三点五');
    expect(textToUnits('Pay 20 yuan').map((u) => u.text)).toEqual(['Pay', 'twenty', 'yuan']);
  });
});

describe('textToCues', () => {
  it('times Mandarin by syllable and closes the lips on 不 and 买', () => {
    const cues = textToCues('不买', { syllableDuration: 0.25 });
    expect(cues[0]).toMatchObject({ viseme: 'PP', start: 0 });
    const closures = cues.filter((c) => c.viseme === 'PP');
    expect(closures).toHaveLength(2);
    expect(closures[1]!.start).toBeCloseTo(0.25);
    expect(cues[cues.length - 1]!.end).toBeCloseTo(0.5);
  });

  it('speeds up with the rate and starts at the given time', () => {
    const slow = textToCues('hello bob');
    const fast = textToCues('hello bob', { rate: 2, start: 1 });
    expect(fast[0]!.start).toBe(1);
    const span = (c: typeof slow) => c[c.length - 1]!.end - c[0]!.start;
    expect(span(fast)).toBeCloseTo(span(slow) / 2);
    expect(slow.map((c) => c.viseme)).toEqual(['kk', 'E', 'nn', 'oh', 'ou', 'PP', 'aa', 'PP']);
  });
});

describe('timedTextToCues', () => {
  it('keeps each word inside its timestamp', () => {
    const cues = timedTextToCues([
      { text: 'Thank', start: 0.1, end: 0.4 },
      { text: 'you', start: 0.5, end: 0.8 },
    ]);
    expect(cues[0]).toMatchObject({ viseme: 'TH', start: 0.1 });
    const you = cues.filter((c) => c.start >= 0.5);
    expect(you.map((c) => c.viseme)).toEqual(['ih', 'ou']);
    expect(you[you.length - 1]!.end).toBeCloseTo(0.8);
    expect(cues.every((c) => c.end <= 0.4 + 1e-9 || c.start >= 0.5 - 1e-9)).toBe(true);
  });

  it("gives a word's stressed vowel more of its span than its consonants (bank: PP aa kk)", () => {
    const [b, a, k] = timedTextToCues([{ text: 'bank', start: 0, end: 0.4 }]);
    expect([b?.viseme, a?.viseme, k?.viseme]).toEqual(['PP', 'aa', 'kk']);
    const length = (c: { start: number; end: number }) => c.end - c.start;
    expect(length(a!)).toBeGreaterThan(length(b!));
    expect(k!.end).toBeCloseTo(0.4);
  });

  it('ends a word before a pause early and reads "the" before a vowel with a full vowel', () => {
    // words at their nominal durations, with a 0.4 s pause after "morning"
    let t = 0;
    const words = ['Good', 'morning', 'the', 'apple', 'is', 'red'].map((text) => {
      const start = t;
      t += textToUnits(text)[0]!.duration + (text === 'morning' ? 0.4 : 0);
      return { text, start, end: t };
    });
    const [, morningSpan, theSpan] = words;
    const cues = timedTextToCues(words);
    const inside = (c: { start: number }, w: { start: number; end: number }) =>
      c.start >= w.start && c.start < w.end;
    const morning = cues.filter((c) => inside(c, morningSpan!));
    expect(morning.at(-1)!.end).toBeLessThan(morningSpan!.end - 0.2);
    const the = cues.filter((c) => inside(c, theSpan!)).map((c) => c.viseme);
    expect(the).toEqual(['TH', 'ih']);
    const spread = timedTextToCues(words, { pauseStretch: Number.POSITIVE_INFINITY });
    expect(spread.filter((c) => inside(c, morningSpan!)).at(-1)!.end).toBeCloseTo(morningSpan!.end);
  });
});

describe('floorShares', () => {
  it('raises short parts to the floor from the longer ones and keeps the sum at 1', () => {
    const parts = floorShares(
      [
        { viseme: 'DD', share: 0.1 },
        { viseme: 'aa', share: 0.7 },
        { viseme: 'nn', share: 0.2 },
      ],
      0.25,
    );
    expect(parts.map((p) => p.viseme)).toEqual(['DD', 'aa', 'nn']);
    expect(parts[0]!.share).toBeCloseTo(0.25);
    expect(parts[2]!.share).toBeCloseTo(0.25);
    expect(parts[1]!.share).toBeCloseTo(0.5);
    expect(parts.reduce((s, p) => s + p.share, 0)).toBeCloseTo(1);
  });

  it('splits evenly when the floor cannot be met, and leaves long-enough parts alone', () => {
    const two = [
      { viseme: 'PP' as const, share: 0.2 },
      { viseme: 'aa' as const, share: 0.8 },
    ];
    expect(floorShares(two, 0.6).map((p) => p.share)).toEqual([0.5, 0.5]);
    expect(floorShares(two, 0.1).map((p) => p.share)).toEqual([0.2, 0.8]);
  });
});
