import { VISEME_COUNT, VisemeIndex } from '@digital-human/core';
import { describe, expect, it } from 'vitest';
import { dominantViseme } from './adapters/arkit';
import { Coarticulator } from './Coarticulator';
import { CueTrack } from './CueTrack';
import type { VisemeCue } from './VisemeCue';

function track(cues: VisemeCue[]): CueTrack {
  const t = new CueTrack();
  for (const c of cues) t.add(c);
  return t;
}
const out = new Float32Array(VISEME_COUNT);
const co = new Coarticulator();
const at = (t: CueTrack, time: number, energy?: number) => {
  co.sample(t, time, out, energy);
  return out;
};

// "a-ba": open vowel, bilabial closure, open vowel
const ABA = track([
  { viseme: 'aa', start: 0.1, end: 0.3 },
  { viseme: 'PP', start: 0.3, end: 0.38 },
  { viseme: 'aa', start: 0.38, end: 0.6 },
]);

describe('Coarticulator', () => {
  it('has the lips fully closed at the onset of a bilabial, and closing before it', () => {
    expect(at(ABA, 0.3)[VisemeIndex.PP]).toBeCloseTo(1);
    expect(out[VisemeIndex.aa]).toBeCloseTo(0);
    const before = at(ABA, 0.285);
    expect(before[VisemeIndex.PP]).toBeGreaterThan(0.2);
    expect(before[VisemeIndex.aa]).toBeLessThan(0.8);
    expect(at(ABA, 0.25)[VisemeIndex.PP]).toBe(0);
    // dominance switches within 20 ms before the onset, never after it
    expect(dominantViseme(at(ABA, 0.279))).toBe('aa');
    expect(dominantViseme(at(ABA, 0.3))).toBe('PP');
  });

  it('opens again after the closure and rests after the last cue', () => {
    expect(dominantViseme(at(ABA, 0.45))).toBe('aa');
    expect(at(ABA, 0.45)[VisemeIndex.aa]).toBeCloseTo(1);
    expect(at(ABA, 0.6 + co.release + 0.01)[VisemeIndex.sil]).toBe(1);
    expect(at(ABA, 0.0)[VisemeIndex.sil]).toBe(1);
  });

  it('opens into the next sound after a closure, not back into the vowel before it', () => {
    // "o-p-i": the 'oh' before the closure ends 30 ms before the lips open; its fade must not come back
    const t = track([
      { viseme: 'oh', start: 0, end: 0.2 },
      { viseme: 'PP', start: 0.2, end: 0.23 },
      { viseme: 'ih', start: 0.23, end: 0.4 },
    ]);
    expect(dominantViseme(at(t, 0.231))).toBe('ih');
    expect(out[VisemeIndex.oh]).toBe(0);
    // without a closure between them the earlier vowel still fades out under the next one
    const open = track([
      { viseme: 'oh', start: 0, end: 0.2 },
      { viseme: 'ih', start: 0.2, end: 0.4 },
    ]);
    expect(at(open, 0.23)[VisemeIndex.oh]).toBeGreaterThan(0.1);
  });

  it('crossfades open shapes with the switch at the onset, weights summing to 1', () => {
    const t = track([
      { viseme: 'aa', start: 0, end: 0.2 },
      { viseme: 'ou', start: 0.2, end: 0.4 },
    ]);
    expect(dominantViseme(at(t, 0.195))).toBe('aa');
    expect(out[VisemeIndex.ou]).toBeGreaterThan(0.3);
    expect(dominantViseme(at(t, 0.205))).toBe('ou');
    expect(out.reduce((s, x) => s + x, 0)).toBeCloseTo(1);
  });

  it('rises before the onset over the attack (look-ahead)', () => {
    const t = track([{ viseme: 'oh', start: 0.5, end: 0.7 }]);
    expect(at(t, 0.5 - co.attack / 2)[VisemeIndex.oh]).toBeCloseTo(0.5);
    expect(at(t, 0.5 - co.attack - 0.001)[VisemeIndex.oh]).toBe(0);
  });

  it('scales open shapes by speech energy, leaving the rest to sil', () => {
    const t = track([{ viseme: 'aa', start: 0, end: 1 }]);
    expect(at(t, 0.5, 0.4)[VisemeIndex.aa]).toBeCloseTo(0.4);
    expect(out[VisemeIndex.sil]).toBeCloseTo(0.6);
  });

  it('holds very short cues for the minimum duration unless the next one starts', () => {
    const alone = track([{ viseme: 'E', start: 0, end: 0.01 }]);
    expect(at(alone, 0.04)[VisemeIndex.E]).toBe(1);
    const followed = track([
      { viseme: 'E', start: 0, end: 0.01 },
      { viseme: 'SS', start: 0.01, end: 0.2 },
    ]);
    expect(dominantViseme(at(followed, 0.04))).toBe('SS');
  });
});

describe('CueTrack', () => {
  it('trims overlaps, inserts out-of-order cues, truncates and shifts', () => {
    const t = track([
      { viseme: 'aa', start: 0, end: 0.3 },
      { viseme: 'E', start: 0.2, end: 0.4 },
      { viseme: 'PP', start: 0.1, end: 0.15 },
    ]);
    expect(t.toCues().map((c) => [c.viseme, c.start, c.end])).toEqual([
      ['aa', 0, 0.1],
      ['PP', 0.1, 0.15],
      ['E', 0.2, 0.4],
    ]);
    t.truncate(0.3);
    expect(t.toCues().at(-1)).toEqual({ viseme: 'E', start: 0.2, end: 0.3 });
    t.shiftFrom(0.12, 1);
    expect(t.toCues().map((c) => c.start)).toEqual([0, 1.1, 1.2]);
    t.dropBefore(1);
    expect(t.count).toBe(2);
  });

  it('grows past its initial capacity', () => {
    const t = new CueTrack();
    for (let i = 0; i < 200; i++) t.add({ viseme: i % 2 ? 'aa' : 'PP', start: i * 0.1, end: i * 0.1 + 0.1 });
    expect(t.count).toBe(200);
    expect(t.firstEndingAfter(10.05)).toBe(100);
  });
});
