import { Channel } from './Driver';
import type { FaceFrame } from './FaceFrame';

/**
 * Per-channel operations on `FaceFrame`s, used by the mixer. Each touches only the fields of one channel and
 * allocates nothing. Channels map to fields as follows: mouth → `visemes`, emotion → `emotions`,
 * blink → `blinkLeft/Right`, gaze → `gazeYaw/Pitch`, head → `headYaw/Pitch/Roll`, breath → `breath`,
 * arkit → `arkit`.
 */

/** The channel bits in a fixed order, for loops (`CHANNEL_BITS[i] === 1 << i`). */
export const CHANNEL_BITS: readonly Channel[] = [
  Channel.mouth,
  Channel.emotion,
  Channel.blink,
  Channel.gaze,
  Channel.head,
  Channel.breath,
  Channel.arkit,
];

/** Copies channel `c` of `src` into `dst`. */
export function copyChannel(c: Channel, src: FaceFrame, dst: FaceFrame): void {
  switch (c) {
    case Channel.mouth:
      dst.visemes.set(src.visemes);
      return;
    case Channel.emotion:
      dst.emotions.set(src.emotions);
      return;
    case Channel.blink:
      dst.blinkLeft = src.blinkLeft;
      dst.blinkRight = src.blinkRight;
      return;
    case Channel.gaze:
      dst.gazeYaw = src.gazeYaw;
      dst.gazePitch = src.gazePitch;
      return;
    case Channel.head:
      dst.headYaw = src.headYaw;
      dst.headPitch = src.headPitch;
      dst.headRoll = src.headRoll;
      return;
    case Channel.breath:
      dst.breath = src.breath;
      return;
    case Channel.arkit:
      if (dst.arkit && src.arkit) dst.arkit.set(src.arkit);
      else dst.arkit?.fill(0);
      return;
  }
}

/** Sets channel `c` of `dst` to neutral (zeros). */
export function clearChannel(c: Channel, dst: FaceFrame): void {
  switch (c) {
    case Channel.mouth:
      dst.visemes.fill(0);
      return;
    case Channel.emotion:
      dst.emotions.fill(0);
      return;
    case Channel.blink:
      dst.blinkLeft = 0;
      dst.blinkRight = 0;
      return;
    case Channel.gaze:
      dst.gazeYaw = 0;
      dst.gazePitch = 0;
      return;
    case Channel.head:
      dst.headYaw = 0;
      dst.headPitch = 0;
      dst.headRoll = 0;
      return;
    case Channel.breath:
      dst.breath = 0;
      return;
    case Channel.arkit:
      dst.arkit?.fill(0);
      return;
  }
}

/** Adds channel `c` of `src` onto `dst`: angles add freely, weights are clamped to 0..1 and breath to -1..1. */
export function addChannel(c: Channel, src: FaceFrame, dst: FaceFrame): void {
  switch (c) {
    case Channel.mouth:
      addWeights(src.visemes, dst.visemes);
      return;
    case Channel.emotion:
      addWeights(src.emotions, dst.emotions);
      return;
    case Channel.blink:
      dst.blinkLeft = clamp(dst.blinkLeft + src.blinkLeft, 0, 1);
      dst.blinkRight = clamp(dst.blinkRight + src.blinkRight, 0, 1);
      return;
    case Channel.gaze:
      dst.gazeYaw += src.gazeYaw;
      dst.gazePitch += src.gazePitch;
      return;
    case Channel.head:
      dst.headYaw += src.headYaw;
      dst.headPitch += src.headPitch;
      dst.headRoll += src.headRoll;
      return;
    case Channel.breath:
      dst.breath = clamp(dst.breath + src.breath, -1, 1);
      return;
    case Channel.arkit:
      if (dst.arkit && src.arkit) addWeights(src.arkit, dst.arkit);
      return;
  }
}

/** Blends channel `c` in place: `dst = from + (dst - from) * t` (t = 0 keeps `from`, t = 1 keeps `dst`). */
export function blendChannel(c: Channel, from: FaceFrame, dst: FaceFrame, t: number): void {
  switch (c) {
    case Channel.mouth:
      lerpArray(from.visemes, dst.visemes, t);
      return;
    case Channel.emotion:
      lerpArray(from.emotions, dst.emotions, t);
      return;
    case Channel.blink:
      dst.blinkLeft = lerp(from.blinkLeft, dst.blinkLeft, t);
      dst.blinkRight = lerp(from.blinkRight, dst.blinkRight, t);
      return;
    case Channel.gaze:
      dst.gazeYaw = lerp(from.gazeYaw, dst.gazeYaw, t);
      dst.gazePitch = lerp(from.gazePitch, dst.gazePitch, t);
      return;
    case Channel.head:
      dst.headYaw = lerp(from.headYaw, dst.headYaw, t);
      dst.headPitch = lerp(from.headPitch, dst.headPitch, t);
      dst.headRoll = lerp(from.headRoll, dst.headRoll, t);
      return;
    case Channel.breath:
      dst.breath = lerp(from.breath, dst.breath, t);
      return;
    case Channel.arkit:
      if (dst.arkit && from.arkit) lerpArray(from.arkit, dst.arkit, t);
      return;
  }
}

/** Scales `weights` down so that their sum is at most `cap` (no change when already below). */
export function capSum(weights: Float32Array, cap: number): void {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += weights[i]!;
  if (sum <= cap) return;
  const scale = cap / sum;
  for (let i = 0; i < weights.length; i++) weights[i] = weights[i]! * scale;
}

/** Smoothstep ease 3t² − 2t³ on [0, 1]: zero slope at both ends, steepest slope 1.5 at t = 0.5. */
export function easeInOut(t: number): number {
  const x = t > 0 ? Math.min(t, 1) : 0;
  return x * x * (3 - 2 * x);
}

function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

function lerpArray(from: Float32Array, dst: Float32Array, t: number): void {
  for (let i = 0; i < dst.length; i++) dst[i] = lerp(from[i]!, dst[i]!, t);
}

function addWeights(src: Float32Array, dst: Float32Array): void {
  for (let i = 0; i < dst.length; i++) dst[i] = clamp(dst[i]! + src[i]!, 0, 1);
}

function clamp(x: number, min: number, max: number): number {
  return Math.min(Math.max(x, min), max);
}
