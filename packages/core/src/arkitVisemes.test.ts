import { describe, expect, it } from 'vitest';
import { arkitWeights } from './arkit';
import { arkitToVisemeWeights } from './arkitVisemes';
import { VISEME_COUNT, VISEMES } from './FaceFrame';

const out = new Float32Array(VISEME_COUNT);

/** The strongest viseme for a partial ARKit frame. */
function dominant(partial: Parameters<typeof arkitWeights>[0]): string {
  arkitToVisemeWeights(arkitWeights(partial), out);
  let best = 0;
  for (let i = 1; i < VISEME_COUNT; i++) if (out[i]! > out[best]!) best = i;
  return VISEMES[best]!;
}

describe('arkitToVisemeWeights', () => {
  it('reads the mouth shapes of typical capture frames', () => {
    expect(dominant({})).toBe('sil');
    expect(dominant({ jawOpen: 0.6, mouthLowerDownLeft: 0.3, mouthLowerDownRight: 0.3 })).toBe('aa');
    expect(dominant({ jawOpen: 0.05, mouthClose: 0.1, mouthPressLeft: 0.7, mouthPressRight: 0.6 })).toBe(
      'PP',
    );
    expect(dominant({ mouthRollLower: 0.7, mouthUpperUpLeft: 0.2, jawOpen: 0.05 })).toBe('FF');
    expect(dominant({ mouthPucker: 0.8, jawOpen: 0.1 })).toBe('ou');
    expect(dominant({ mouthFunnel: 0.7, jawOpen: 0.4 })).toBe('oh');
    expect(dominant({ mouthFunnel: 0.6, jawOpen: 0.02 })).toBe('CH');
    expect(
      dominant({ mouthSmileLeft: 0.5, mouthSmileRight: 0.5, mouthStretchLeft: 0.3, jawOpen: 0.05 }),
    ).toBe('ih');
    expect(dominant({ tongueOut: 0.8, jawOpen: 0.15 })).toBe('TH');
  });

  it('keeps the weights within 0..1 and summing to at most 1', () => {
    arkitToVisemeWeights(arkitWeights({ jawOpen: 1, mouthPucker: 1, mouthFunnel: 1, mouthClose: 1 }), out);
    const sum = out.reduce((s, x) => s + x, 0);
    expect(sum).toBeLessThanOrEqual(1.0001);
    for (const x of out) expect(x).toBeGreaterThanOrEqual(0);
  });
});
