import { BlendshapeIndex as B } from './blendshapes';

/**
 * The FACS action units the sentiment mapping reads, each estimated from MediaPipe/ARKit blendshapes
 * (left/right averaged):
 *
 * | AU | name | blendshapes | gain |
 * |---|---|---|---|
 * | AU1 | inner brow raiser | `browInnerUp` | 1.6 |
 * | AU2 | outer brow raiser | `browOuterUp*` | 1.6 |
 * | AU4 | brow lowerer | `browDown*` | 1.8 |
 * | AU5 | upper lid raiser | `eyeWide*` | 2.0 |
 * | AU6 | cheek raiser | `cheekSquint*`, or 0.6 × `eyeSquint*` when larger (MediaPipe barely moves `cheekSquint`) | 2.0 |
 * | AU7 | lid tightener | `eyeSquint*` | 1.6 |
 * | AU12 | lip corner puller | `mouthSmile*` | 1.2 |
 * | AU15 | lip corner depressor | `mouthFrown*` | 2.5 |
 * | AU23 | lip tightener | `mouthPress*` | 2.0 |
 * | AU26 | jaw drop | `jawOpen` | 1.4 |
 *
 * An activation is `clamp((w - rest) / (1 - rest) * gain, 0, 1)`: `rest` is the person's neutral baseline when one
 * has been measured, else {@link DEFAULT_REST} (the resting values MediaPipe reports on relaxed faces). Gains
 * normalise each AU so that a clear expression reaches about 1.
 */
export interface ActionUnits {
  au1: number;
  au2: number;
  au4: number;
  au5: number;
  au6: number;
  au7: number;
  au12: number;
  au15: number;
  au23: number;
  au26: number;
}

/** The four expression scores (0..1) the mapping yields; neutral is "none of them". */
export interface AffectScores {
  happy: number;
  sad: number;
  angry: number;
  surprised: number;
}

/** Default resting weights per blendshape, used when no personal baseline exists (single photos, first seconds). */
export const DEFAULT_REST = 0.05;
const REST_OVERRIDES: ReadonlyArray<readonly [number, number]> = [
  [B.browDownLeft, 0.12],
  [B.browDownRight, 0.12],
  [B.eyeSquintLeft, 0.18],
  [B.eyeSquintRight, 0.18],
  [B.mouthPressLeft, 0.12],
  [B.mouthPressRight, 0.12],
  [B.mouthShrugUpper, 0.12],
  [B.mouthFrownLeft, 0.02],
  [B.mouthFrownRight, 0.02],
];

/** Fills `out` with the default resting weights (the "average relaxed face"). */
export function defaultRest(out: Float32Array): Float32Array {
  out.fill(DEFAULT_REST);
  for (const [i, v] of REST_OVERRIDES) out[i] = v;
  return out;
}

function act(w: Float32Array, rest: Float32Array, i: number, gain: number): number {
  const r = Math.min(rest[i] ?? 0, 0.9);
  const v = (((w[i] ?? 0) - r) / (1 - r)) * gain;
  return v < 0 ? 0 : Math.min(v, 1);
}

function pair(w: Float32Array, rest: Float32Array, left: number, right: number, gain: number): number {
  return (act(w, rest, left, gain) + act(w, rest, right, gain)) * 0.5;
}

/** Estimates the action units from blendshape weights `w` relative to resting weights `rest`. No allocation. */
export function actionUnits(w: Float32Array, rest: Float32Array, out: ActionUnits): ActionUnits {
  out.au1 = act(w, rest, B.browInnerUp, 1.6);
  out.au2 = pair(w, rest, B.browOuterUpLeft, B.browOuterUpRight, 1.6);
  out.au4 = pair(w, rest, B.browDownLeft, B.browDownRight, 1.8);
  out.au5 = pair(w, rest, B.eyeWideLeft, B.eyeWideRight, 2.0);
  out.au7 = pair(w, rest, B.eyeSquintLeft, B.eyeSquintRight, 1.6);
  out.au6 = Math.max(pair(w, rest, B.cheekSquintLeft, B.cheekSquintRight, 2.0), 0.6 * out.au7);
  out.au12 = pair(w, rest, B.mouthSmileLeft, B.mouthSmileRight, 1.2);
  out.au15 = pair(w, rest, B.mouthFrownLeft, B.mouthFrownRight, 2.5);
  out.au23 = pair(w, rest, B.mouthPressLeft, B.mouthPressRight, 2.0);
  out.au26 = act(w, rest, B.jawOpen, 1.4);
  return out;
}

/** 0 at 0, 1 from `full` on: how much a key action unit "opens the gate" of an expression. */
function gate(x: number, full = 0.3): number {
  return x >= full ? 1 : x / full;
}

const clamp01 = (x: number): number => (x < 0 ? 0 : Math.min(x, 1));

/**
 * The FACS (EMFACS-style) prototypes, each gated by its key units so that one stray unit never labels a face:
 * - **happy** = AU12 (0.75) + AU6 (0.25), gated by AU12;
 * - **sad** = AU15 (0.45) + AU1 (0.35) + AU4 (0.2), gated by AU15 or AU1 together with AU4 or AU15, damped by AU12;
 * - **angry** = AU4 (0.5) + AU7 (0.2) + AU23 (0.2) + AU5 (0.1), gated by AU4, damped by AU12 and AU1;
 * - **surprised** = AU1 (0.25) + AU2 (0.25) + AU5 (0.25) + AU26 (0.25), gated by raised brows (AU1/AU2) and open
 *   eyes or jaw (AU5/AU26), damped by AU4.
 */
export function affectScores(au: ActionUnits, out: AffectScores): AffectScores {
  const smileDamp = 1 - au.au12;
  out.happy = clamp01(gate(au.au12) * (0.75 * au.au12 + 0.25 * au.au6));
  const sadGate = gate(Math.max(au.au15, au.au1)) * gate(Math.max(au.au4, au.au15));
  out.sad = clamp01(sadGate * smileDamp * (0.45 * au.au15 + 0.35 * au.au1 + 0.2 * au.au4));
  const angryGate = gate(au.au4) * smileDamp * (1 - 0.5 * au.au1);
  out.angry = clamp01(angryGate * (0.5 * au.au4 + 0.2 * au.au7 + 0.2 * au.au23 + 0.1 * au.au5));
  const surpriseGate = gate(Math.max(au.au1, au.au2)) * gate(Math.max(au.au5, au.au26)) * (1 - au.au4);
  out.surprised = clamp01(surpriseGate * 0.25 * (au.au1 + au.au2 + au.au5 + au.au26));
  return out;
}

/** Valence, -1 (negative) .. 1 (positive), from expression scores. */
export function valenceOf(s: AffectScores): number {
  const v = s.happy - 0.9 * s.angry - 0.8 * s.sad + 0.1 * s.surprised;
  return v < -1 ? -1 : Math.min(v, 1);
}

/** Arousal, 0 (calm) .. 1 (excited), from expression scores. */
export function arousalOf(s: AffectScores): number {
  return clamp01(0.9 * s.surprised + 0.8 * s.angry + 0.5 * s.happy + 0.25 * s.sad);
}
