import { describe, expect, it } from 'vitest';
import { ARKIT_BLENDSHAPES, ArkitIndex, arkitWeights } from './arkit';
import { ARKIT_COUNT } from './FaceFrame';

describe('ARKit blendshapes', () => {
  it('lists 52 distinct names, alphabetical, then tongueOut', () => {
    expect(ARKIT_BLENDSHAPES).toHaveLength(ARKIT_COUNT);
    expect(new Set(ARKIT_BLENDSHAPES).size).toBe(ARKIT_COUNT);
    const withoutTongue = ARKIT_BLENDSHAPES.slice(0, -1);
    expect([...withoutTongue].sort()).toEqual(withoutTongue);
    expect(ARKIT_BLENDSHAPES.at(-1)).toBe('tongueOut');
  });

  it('writes a partial record into a reused array and zeroes the rest', () => {
    const out = arkitWeights({ jawOpen: 0.7 });
    expect(out[ArkitIndex.jawOpen]).toBeCloseTo(0.7);
    const again = arkitWeights({ mouthSmileLeft: 0.4 }, out);
    expect(again).toBe(out);
    expect(out[ArkitIndex.jawOpen]).toBe(0);
    expect(out[ArkitIndex.mouthSmileLeft]).toBeCloseTo(0.4);
  });
});
