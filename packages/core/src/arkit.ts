import { ARKIT_COUNT } from './FaceFrame';

/**
 * The 52 ARKit blendshape names in the index order of `FaceFrame.arkit` and of every ARKit weights array in the SDK:
 * alphabetical, which is MediaPipe's output order without its `_neutral` entry, followed by `tongueOut`, which
 * MediaPipe does not estimate (it stays 0).
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

/** Index of each blendshape in an ARKit weights array (see {@link ARKIT_BLENDSHAPES}). */
export const ArkitIndex = Object.fromEntries(ARKIT_BLENDSHAPES.map((name, i) => [name, i])) as Record<
  ArkitBlendshape,
  number
>;

/**
 * Writes a partial name → weight record into a 52-entry weights array (zeroing the rest) and returns it
 * (tests, synthetic input, fixtures).
 *
 * @example
 * ```ts
 * const smile = arkitWeights({ mouthSmileLeft: 0.8, mouthSmileRight: 0.8 });
 * ```
 */
export function arkitWeights(
  weights: Partial<Record<ArkitBlendshape, number>>,
  out: Float32Array = new Float32Array(ARKIT_COUNT),
): Float32Array {
  out.fill(0);
  for (const [name, value] of Object.entries(weights)) {
    const i = ArkitIndex[name as ArkitBlendshape];
    if (i !== undefined && value !== undefined) out[i] = value;
  }
  return out;
}
