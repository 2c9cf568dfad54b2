import {
  arkitWeights,
  arkitToVisemeWeights as coreArkitToVisemeWeights,
  VISEME_COUNT,
} from '@digital-human/core';
import { describe, expect, it } from 'vitest';
import { arkitFramesToCues, arkitToVisemeWeights, dominantViseme } from './arkit';

const out = new Float32Array(VISEME_COUNT);
const dominant = (partial: Parameters<typeof arkitWeights>[0]) =>
  dominantViseme(arkitToVisemeWeights(arkitWeights(partial), out));

describe('arkitToVisemeWeights', () => {
  it("is core's mapping, re-exported", () => {
    expect(arkitToVisemeWeights).toBe(coreArkitToVisemeWeights);
  });
});

describe('dominantViseme', () => {
  it('picks the strongest viseme of a mapped frame', () => {
    expect(dominant({})).toBe('sil');
    expect(dominant({ jawOpen: 0.6, mouthLowerDownLeft: 0.3, mouthLowerDownRight: 0.3 })).toBe('aa');
    expect(dominant({ mouthPucker: 0.8, jawOpen: 0.1 })).toBe('ou');
  });
});

describe('arkitFramesToCues', () => {
  it('merges runs of frames into cues', () => {
    const closed = arkitWeights({ mouthPressLeft: 0.8, mouthPressRight: 0.8 });
    const open = arkitWeights({ jawOpen: 0.7 });
    const frames = [0, 1, 2, 3, 4, 5].map((i) => ({ time: i / 60, weights: i < 2 ? closed : open }));
    const cues = arkitFramesToCues(frames);
    expect(cues.map((c) => c.viseme)).toEqual(['PP', 'aa']);
    expect(cues[1]!.start).toBeCloseTo(2 / 60);
    expect(cues[1]!.end).toBeCloseTo(6 / 60);
  });
});
