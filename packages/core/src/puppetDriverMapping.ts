import { ArkitIndex as A } from './arkit';
import { arkitToVisemeWeights } from './arkitVisemes';
import { ARKIT_COUNT, EmotionIndex, type FaceFrame } from './FaceFrame';

const E = EmotionIndex;

/** Number of values in a puppet pose: the 52 ARKit weights, then head yaw/pitch/roll and gaze yaw/pitch. */
export const PUPPET_POSE_SIZE = 57;
/** Where the angles sit in a puppet pose (after the 52 ARKit weights). */
export const PuppetPoseIndex = {
  headYaw: 52,
  headPitch: 53,
  headRoll: 54,
  gazeYaw: 55,
  gazePitch: 56,
} as const;

/**
 * Turns one frame of ARKit weights (52, `ARKIT_BLENDSHAPES` order) into canonical viseme weights in `out` (15).
 * The default is {@link puppetVisemes} ({@link arkitToVisemeWeights} with MediaPipe's resting levels cut off).
 */
export type ArkitToVisemes = (arkit: ArrayLike<number>, out: Float32Array) => unknown;

function clamp01(x: number): number {
  return x < 0 ? 0 : Math.min(x, 1);
}

function w(arkit: ArrayLike<number>, i: number): number {
  return clamp01(arkit[i] ?? 0);
}

/** Maps x from [lo, hi] onto [0, 1], clamped: removes the resting level MediaPipe reports on a neutral face. */
function ramp(x: number, lo: number, hi: number): number {
  return clamp01((x - lo) / (hi - lo));
}

/** MediaPipe's resting level of the mouth weights on a neutral face (the jaw has its own range). */
const MOUTH_REST = 0.06;
/** The weights handed to the viseme mapping, resting levels cut off (module scratch: no allocation per frame). */
const _mouth = new Float32Array(ARKIT_COUNT);

/**
 * The puppet's default mouth mapping: {@link arkitToVisemeWeights} on the operator's ARKit weights with MediaPipe's
 * resting levels cut off first (jaw ramped over 0.04–0.7, the other weights from {@link MOUTH_REST}), so a neutral
 * face shows a mouth at rest. Allocation-free.
 */
export function puppetVisemes(arkit: ArrayLike<number>, out: Float32Array): Float32Array {
  for (let i = 0; i < ARKIT_COUNT; i++) {
    const x = ((arkit[i] ?? 0) - MOUTH_REST) / (1 - MOUTH_REST); // ramp(w, MOUTH_REST, 1), inlined: no call per weight
    _mouth[i] = x < 0 ? 0 : Math.min(x, 1);
  }
  _mouth[A.jawOpen] = ramp(w(arkit, A.jawOpen), 0.04, 0.7);
  return arkitToVisemeWeights(_mouth, out);
}

/**
 * Reads the avatar's emotions from an operator's ARKit weights into `out.emotions`: smiles → happy, frowns with
 * raised inner brows → sad, lowered brows and a sneer → angry, raised brows with wide eyes → surprised. Resting
 * levels are cut off, so a neutral face stays neutral. Allocation-free.
 */
export function puppetEmotions(arkit: ArrayLike<number>, out: FaceFrame): void {
  const smile = (w(arkit, A.mouthSmileLeft) + w(arkit, A.mouthSmileRight)) / 2;
  const frown = (w(arkit, A.mouthFrownLeft) + w(arkit, A.mouthFrownRight)) / 2;
  const browDown = (w(arkit, A.browDownLeft) + w(arkit, A.browDownRight)) / 2;
  const browOuter = (w(arkit, A.browOuterUpLeft) + w(arkit, A.browOuterUpRight)) / 2;
  const browInner = w(arkit, A.browInnerUp);
  const sneer = (w(arkit, A.noseSneerLeft) + w(arkit, A.noseSneerRight)) / 2;
  const wide = (w(arkit, A.eyeWideLeft) + w(arkit, A.eyeWideRight)) / 2;
  const emotions = out.emotions;
  emotions.fill(0);
  emotions[E.happy] = ramp(smile, 0.15, 0.8);
  emotions[E.sad] = ramp(0.6 * frown + 0.4 * browInner * (1 - smile), 0.15, 0.7);
  emotions[E.angry] = ramp(0.7 * browDown + 0.3 * sneer, 0.3, 0.8);
  emotions[E.surprised] = ramp(0.4 * browInner + 0.3 * browOuter + 0.3 * wide, 0.3, 0.8);
}

/** Eyelid closure from ARKit blinks, with MediaPipe's resting level cut off. */
export function puppetBlinks(arkit: ArrayLike<number>, out: FaceFrame): void {
  out.blinkLeft = ramp(w(arkit, A.eyeBlinkLeft), 0.1, 0.75);
  out.blinkRight = ramp(w(arkit, A.eyeBlinkRight), 0.1, 0.75);
}

/** Writes the angles of a puppet pose into `out` (head and gaze). */
export function puppetAngles(pose: Float32Array, out: FaceFrame): void {
  out.headYaw = pose[PuppetPoseIndex.headYaw]!;
  out.headPitch = pose[PuppetPoseIndex.headPitch]!;
  out.headRoll = pose[PuppetPoseIndex.headRoll]!;
  out.gazeYaw = pose[PuppetPoseIndex.gazeYaw]!;
  out.gazePitch = pose[PuppetPoseIndex.gazePitch]!;
}
