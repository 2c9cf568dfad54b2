import { ARKIT_COUNT } from '@digital-human/core';

/**
 * The 52 ARKit blendshape names in the index order used by every `Float32Array` of weights in this package
 * (and by `FaceFrame.arkit`): alphabetical, which is MediaPipe's output order without its `_neutral` entry,
 * followed by `tongueOut`, which MediaPipe does not estimate (it stays 0).
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
export type BlendshapeName = (typeof ARKIT_BLENDSHAPES)[number];

/** Index of each blendshape in a weights array (see {@link ARKIT_BLENDSHAPES}). */
export const BlendshapeIndex = Object.fromEntries(ARKIT_BLENDSHAPES.map((name, i) => [name, i])) as Record<
  BlendshapeName,
  number
>;

/** Creates a zeroed weights array of {@link ARKIT_COUNT} entries. */
export function createBlendshapes(): Float32Array {
  return new Float32Array(ARKIT_COUNT);
}

/**
 * Builds a weights array from a partial name → weight record (tests, synthetic input, fixtures).
 *
 * @example
 * ```ts
 * const smile = blendshapesFrom({ mouthSmileLeft: 0.8, mouthSmileRight: 0.8 });
 * ```
 */
export function blendshapesFrom(
  weights: Partial<Record<BlendshapeName, number>>,
  out = createBlendshapes(),
): Float32Array {
  out.fill(0);
  for (const [name, value] of Object.entries(weights)) {
    const i = BlendshapeIndex[name as BlendshapeName];
    if (i !== undefined && value !== undefined) out[i] = value;
  }
  return out;
}
