import { ArkitIndex as A } from '@digital-human/core';
import type { OperatorFaceFrame } from '@digital-human/protocol';
import type { FaceSample } from './FaceSample';

/** Default gaze angle (radians) when an eye looks fully to one side (`eyeLookOut*` = 1): about 30°. */
export const DEFAULT_GAZE_RANGE = 0.5;

/** Gaze direction, radians relative to the head, written by {@link gazeFromBlendshapes}. */
export interface Gaze {
  /** Positive: the person looks to their own left (the avatar's convention: positive yaw looks to its left). */
  yaw: number;
  /** Positive: looking up. */
  pitch: number;
}

/**
 * Reads where the eyes look from ARKit's `eyeLook*` blendshapes (both eyes averaged): looking to one's own left is
 * the left eye looking out and the right eye looking in. `range` is the angle of a full look (default 0.5 rad);
 * vertical looks use 0.6 of it (eyes move less up and down). No allocation.
 */
export function gazeFromBlendshapes(weights: ArrayLike<number>, out: Gaze, range = DEFAULT_GAZE_RANGE): Gaze {
  const b = (i: number) => weights[i] ?? 0;
  const left = b(A.eyeLookOutLeft) + b(A.eyeLookInRight);
  const right = b(A.eyeLookInLeft) + b(A.eyeLookOutRight);
  const up = b(A.eyeLookUpLeft) + b(A.eyeLookUpRight);
  const down = b(A.eyeLookDownLeft) + b(A.eyeLookDownRight);
  out.yaw = ((left - right) / 2) * range;
  out.pitch = ((up - down) / 2) * range * 0.6;
  return out;
}

const _gaze: Gaze = { yaw: 0, pitch: 0 };

/**
 * Fills an operator face frame from one tracked {@link FaceSample}: blendshapes, head rotation, gaze, the
 * sequence number and the capture time (ms, wraps as uint32). `tracked` is the sample's `present`: when the face
 * is lost the weights are kept (the receiver holds, then eases to idle). No allocation.
 *
 * Head angles follow the avatar's puppet convention: the sample's yaw is positive when the head turns to the
 * image's right, which in an unmirrored camera is the operator's own left, the way the avatar's positive yaw turns.
 */
export function operatorFrameFromSample(
  sample: FaceSample,
  seq: number,
  timeMs: number,
  out: OperatorFaceFrame,
  gazeRange = DEFAULT_GAZE_RANGE,
): OperatorFaceFrame {
  out.seq = seq >>> 0;
  out.timestampMs = Math.round(timeMs) >>> 0;
  out.tracked = sample.present;
  out.blendshapes.set(sample.blendshapes);
  out.headYaw = sample.headYaw;
  out.headPitch = sample.headPitch;
  out.headRoll = sample.headRoll;
  gazeFromBlendshapes(sample.blendshapes, _gaze, gazeRange);
  out.gazeYaw = _gaze.yaw;
  out.gazePitch = _gaze.pitch;
  return out;
}
