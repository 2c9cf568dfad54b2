import { BlendshapeIndex as B } from './blendshapes';
import type { FaceSample } from './FaceSample';

/** Angles (radians) within which a face counts as looking at the screen, and where attention reaches 0. */
export interface AttentionLimits {
  /** Full attention while |yaw| and |pitch| (head + eyes) stay within this (default 0.35 rad ≈ 20°). */
  readonly inside: number;
  /** No attention beyond this (default 0.75 rad ≈ 43°). */
  readonly outside: number;
}

/** Default {@link AttentionLimits}. */
export const DEFAULT_ATTENTION_LIMITS: AttentionLimits = { inside: 0.35, outside: 0.75 };

/** How far, in radians, a full `eyeLook*` weight turns the gaze relative to the head. */
const EYE_RANGE = 0.5;

function at(w: Float32Array, i: number): number {
  return w[i] ?? 0;
}

function falloff(angle: number, limits: AttentionLimits): number {
  const a = Math.abs(angle);
  if (a <= limits.inside) return 1;
  if (a >= limits.outside) return 0;
  return 1 - (a - limits.inside) / (limits.outside - limits.inside);
}

/**
 * How much a face looks at the screen, 0..1: head yaw/pitch from the transformation matrix plus the eyes' own
 * rotation from the `eyeLook*` blendshapes, with closed eyes counting as not looking. No allocation.
 */
export function attentionOf(sample: FaceSample, limits: AttentionLimits = DEFAULT_ATTENTION_LIMITS): number {
  if (!sample.present) return 0;
  const w = sample.blendshapes;
  // Towards the subject's left = the image's right (positive yaw): left eye looks out, right eye looks in.
  const eyeYaw =
    (at(w, B.eyeLookOutLeft) - at(w, B.eyeLookInLeft) + at(w, B.eyeLookInRight) - at(w, B.eyeLookOutRight)) *
    0.5 *
    EYE_RANGE;
  const eyePitch =
    (at(w, B.eyeLookUpLeft) +
      at(w, B.eyeLookUpRight) -
      at(w, B.eyeLookDownLeft) -
      at(w, B.eyeLookDownRight)) *
    0.5 *
    EYE_RANGE;
  const closed = Math.min(at(w, B.eyeBlinkLeft), at(w, B.eyeBlinkRight));
  const open = closed <= 0.5 ? 1 : closed >= 0.8 ? 0 : 1 - (closed - 0.5) / 0.3;
  return falloff(sample.headYaw + eyeYaw, limits) * falloff(sample.headPitch + eyePitch, limits) * open;
}
