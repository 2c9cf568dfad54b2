import { ArkitIndex as A, VISEME_COUNT, VISEMES, type Viseme, VisemeIndex } from '@digital-human/core';
import { mergeCues, type VisemeCue } from '../VisemeCue';

const V = VisemeIndex;
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const get = (w: ArrayLike<number>, i: number) => clamp01(w[i] ?? 0);

/**
 * Estimates canonical viseme weights from one frame of ARKit blendshapes (52, {@link ARKIT_BLENDSHAPES} order)
 * by what each viseme does to the lips and jaw: closed lips (PP), lower lip rolled under the teeth (FF), pucker
 * (ou), funnel (oh, or CH with a closed jaw), open jaw (aa), spread lips (E, ih, SS), tongue out (TH).
 * Writes into `out` (15 entries; the rest-pose remainder goes to `sil`). Allocation-free.
 */
export function arkitToVisemeWeights(w: ArrayLike<number>, out: Float32Array): Float32Array {
  const jaw = get(w, A.jawOpen);
  const funnel = get(w, A.mouthFunnel);
  const pucker = get(w, A.mouthPucker);
  const rollLower = get(w, A.mouthRollLower);
  const rollUpper = get(w, A.mouthRollUpper);
  const press = (get(w, A.mouthPressLeft) + get(w, A.mouthPressRight)) / 2;
  const spread =
    (get(w, A.mouthSmileLeft) +
      get(w, A.mouthSmileRight) +
      get(w, A.mouthStretchLeft) +
      get(w, A.mouthStretchRight)) /
    4;
  const lowerDown = (get(w, A.mouthLowerDownLeft) + get(w, A.mouthLowerDownRight)) / 2;
  const closed = Math.max(get(w, A.mouthClose), press, Math.min(rollLower, rollUpper));
  out.fill(0);
  out[V.PP] = closed * (1 - lowerDown);
  out[V.FF] = clamp01(rollLower - rollUpper) * (1 - jaw);
  out[V.ou] = pucker * (1 - jaw * 0.5);
  out[V.oh] = funnel * clamp01(jaw * 3);
  out[V.CH] = funnel * (1 - clamp01(jaw * 3));
  out[V.aa] = jaw * (1 - funnel) * (1 - pucker) * (1 - spread);
  out[V.E] = clamp01(spread * 2) * clamp01(jaw * 4) * (1 - pucker) * Math.max(0.3, lowerDown);
  out[V.ih] = clamp01(spread * 2) * (1 - clamp01(jaw * 4)) * (1 - pucker);
  out[V.SS] = clamp01(spread * 2) * (1 - clamp01(jaw * 8)) * 0.5;
  out[V.TH] = get(w, A.tongueOut);
  let sum = 0;
  for (let i = 0; i < VISEME_COUNT; i++) sum += out[i]!;
  if (sum > 1) for (let i = 0; i < VISEME_COUNT; i++) out[i]! /= sum;
  out[V.sil] = Math.max(0, 1 - Math.min(1, sum));
  return out;
}

/** The index of the strongest viseme in `weights` (ties: the lower index). */
export function dominantViseme(weights: ArrayLike<number>): Viseme {
  let best = 0;
  for (let i = 1; i < VISEME_COUNT; i++) if ((weights[i] ?? 0) > (weights[best] ?? 0)) best = i;
  return VISEMES[best]!;
}

/** A timed ARKit frame (seconds; 52 weights in {@link ARKIT_BLENDSHAPES} order). */
export interface ArkitFrame {
  time: number;
  weights: ArrayLike<number>;
}

/**
 * ARKit frames (face capture, Azure blendshapes, an audio-to-face model) → cues of the dominant viseme per frame,
 * merged into runs. For live pass-through, copy the weights into `FaceFrame.arkit` and use
 * {@link arkitToVisemeWeights} per frame instead.
 */
export function arkitFramesToCues(frames: readonly ArkitFrame[], frameDuration = 1 / 60): VisemeCue[] {
  const scratch = new Float32Array(VISEME_COUNT);
  const cues: VisemeCue[] = frames.map((f, i) => {
    arkitToVisemeWeights(f.weights, scratch);
    const next = frames[i + 1];
    return { viseme: dominantViseme(scratch), start: f.time, end: next ? next.time : f.time + frameDuration };
  });
  return mergeCues(cues, frameDuration * 0.5);
}
