import { ArkitIndex } from '@digital-human/core';
import { describe, expect, it } from 'vitest';
import type { LipsyncWarning } from '../LipsyncWarning';
import { AZURE_BLENDSHAPES, azureBlendShapesToCues, azureBlendShapesToFrames } from './azureBlendShapes';

/** A 55-value Azure frame with the named positions set. */
function azureFrame(values: Record<string, number>): number[] {
  const frame = new Array<number>(55).fill(0);
  for (const [name, v] of Object.entries(values)) frame[AZURE_BLENDSHAPES.indexOf(name as never)] = v;
  return frame;
}

// Two `animation` chunks as Azure sends them in visemeReceived events (FacialExpression, 60 fps).
const CHUNKS = [
  JSON.stringify({
    FrameIndex: 0,
    BlendShapes: [
      azureFrame({ mouthClose: 0.3, mouthPressLeft: 0.7, mouthPressRight: 0.7 }),
      azureFrame({ mouthClose: 0.3, mouthPressLeft: 0.7, mouthPressRight: 0.7 }),
      azureFrame({ jawOpen: 0.55 }),
    ],
  }),
  JSON.stringify({
    FrameIndex: 3,
    BlendShapes: [azureFrame({ jawOpen: 0.6 }), azureFrame({ mouthPucker: 0.9 })],
  }),
];

describe('Azure blend shapes', () => {
  it('reorders the 55 Azure positions into our ARKit order at 60 fps', () => {
    const frames = azureBlendShapesToFrames(CHUNKS);
    expect(frames).toHaveLength(5);
    expect(frames[3]!.time).toBeCloseTo(3 / 60);
    expect(frames[3]!.weights[ArkitIndex.jawOpen]).toBeCloseTo(0.6);
    expect(frames[0]!.weights[ArkitIndex.mouthPressLeft]).toBeCloseTo(0.7);
    expect(frames[0]!.weights.length).toBe(52);
  });

  it('turns the frames into viseme cues', () => {
    const cues = azureBlendShapesToCues(CHUNKS);
    expect(cues.map((c) => c.viseme)).toEqual(['PP', 'aa', 'ou']);
    expect(cues[1]!.start).toBeCloseTo(2 / 60);
  });

  it('skips malformed chunks with a warning', () => {
    const warnings: LipsyncWarning[] = [];
    const frames = azureBlendShapesToFrames(
      ['{oops', JSON.stringify({ FrameIndex: 0, BlendShapes: [[0, 1]] })],
      (w) => warnings.push(w),
    );
    expect(frames).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['bad-input', 'bad-input']);
  });
});
