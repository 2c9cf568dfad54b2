import { ARKIT_COUNT } from '@digital-human/core';

/**
 * The 52 ARKit blendshape names in the index order of `FaceFrame.arkit` and every ARKit weights array here:
 * alphabetical (MediaPipe's order without `_neutral`), then `tongueOut`. The same order as
 * `@digital-human/sense`; it belongs in core, and is duplicated here only because lipsync may import only core.
 */
export const ARKIT_BLENDSHAPES = [
  'browDownLeft',
  'browDownRight',
  'browInnerUp',
  'browOuterUpLeft',
  'browOuterUpRight',
  'cheekPuff',
  'cheekSquintLeft',
  'cheekSquintRight',
  'eyeBlinkLeft',
  'eyeBlinkRight',
  'eyeLookDownLeft',
  'eyeLookDownRight',
  'eyeLookInLeft',
  'eyeLookInRight',
  'eyeLookOutLeft',
  'eyeLookOutRight',
  'eyeLookUpLeft',
  'eyeLookUpRight',
  'eyeSquintLeft',
  'eyeSquintRight',
  'eyeWideLeft',
  'eyeWideRight',
  'jawForward',
  'jawLeft',
  'jawOpen',
  'jawRight',
  'mouthClose',
  'mouthDimpleLeft',
  'mouthDimpleRight',
  'mouthFrownLeft',
  'mouthFrownRight',
  'mouthFunnel',
  'mouthLeft',
  'mouthLowerDownLeft',
  'mouthLowerDownRight',
  'mouthPressLeft',
  'mouthPressRight',
  'mouthPucker',
  'mouthRight',
  'mouthRollLower',
  'mouthRollUpper',
  'mouthShrugLower',
  'mouthShrugUpper',
  'mouthSmileLeft',
  'mouthSmileRight',
  'mouthStretchLeft',
  'mouthStretchRight',
  'mouthUpperUpLeft',
  'mouthUpperUpRight',
  'noseSneerLeft',
  'noseSneerRight',
  'tongueOut',
] as const;

/** One ARKit blendshape name. */
export type ArkitBlendshape = (typeof ARKIT_BLENDSHAPES)[number];

/** Index of each blendshape in an ARKit weights array. */
export const ArkitIndex = Object.fromEntries(ARKIT_BLENDSHAPES.map((name, i) => [name, i])) as Record<
  ArkitBlendshape,
  number
>;

/** Builds a 52-entry weights array from a partial name → weight record (tests, synthetic input). */
export function arkitWeights(partial: Partial<Record<ArkitBlendshape, number>>): Float32Array {
  const out = new Float32Array(ARKIT_COUNT);
  for (const [name, weight] of Object.entries(partial)) {
    out[ArkitIndex[name as ArkitBlendshape]] = weight;
  }
  return out;
}
