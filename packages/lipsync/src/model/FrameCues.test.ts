import { VisemeIndex } from '@digital-human/core';
import { describe, expect, it } from 'vitest';
import type { VisemeCue } from '../VisemeCue';
import { FrameCues } from './FrameCues';

const { sil, PP, aa, E } = VisemeIndex;

function cuesOf(frames: readonly number[], minFrames: number): VisemeCue[] {
  const f = new FrameCues(minFrames);
  const out: VisemeCue[] = [];
  for (const v of frames) f.add(v, 1, out);
  f.end(out);
  return out;
}

describe('FrameCues', () => {
  it('turns runs into cues bounded half a hop before each frame centre, silence making none', () => {
    const out = cuesOf([sil, sil, PP, PP, aa, aa, aa, sil], 1);
    expect(out.map((c) => c.viseme)).toEqual(['PP', 'aa']);
    expect(out[0]!.start).toBeCloseTo(0.0275, 9); // frame 2 centre 32.5 ms − 5 ms
    expect(out[0]!.end).toBeCloseTo(0.0475, 9);
    expect(out[1]!.end).toBeCloseTo(0.0775, 9);
  });

  it('folds a run shorter than minFrames into the run before it', () => {
    expect(cuesOf([aa, aa, aa, E, aa, aa], 2).map((c) => c.viseme)).toEqual(['aa']);
    expect(cuesOf([aa, aa, aa, E, aa, aa], 1).map((c) => c.viseme)).toEqual(['aa', 'E', 'aa']);
    const folded = cuesOf([aa, aa, aa, E, PP, PP, PP], 2);
    expect(folded.map((c) => c.viseme)).toEqual(['aa', 'PP']);
    expect(folded[0]!.end).toBeCloseTo(folded[1]!.start, 9);
    expect(folded[1]!.start).toBeCloseTo(0.0475, 9); // PP's own onset is kept
    expect(cuesOf([E, aa, aa, aa], 2).map((c) => c.viseme)).toEqual(['aa']); // short first run joins the next
  });

  it('keeps the strongest weight of a run; full weight is left out', () => {
    const f = new FrameCues(1);
    const out: VisemeCue[] = [];
    f.add(aa, 0.3, out);
    f.add(aa, 0.6, out);
    f.add(sil, 0, out);
    f.end(out);
    expect(out).toEqual([{ viseme: 'aa', start: 0, end: expect.closeTo(0.0275, 9), weight: 0.6 }]);
  });
});
