import { ArkitIndex as A } from './arkit';
import { VISEME_COUNT, VisemeIndex } from './FaceFrame';

const V = VisemeIndex;

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function get(w: ArrayLike<number>, i: number): number {
  return clamp01(w[i] ?? 0);
}

/**
 * Estimates canonical viseme weights from one frame of ARKit blendshapes (52, {@link ARKIT_BLENDSHAPES} order)
 * by what each viseme does to the lips and jaw: closed lips (PP), lower lip rolled under the teeth (FF), pucker
 * (ou), funnel (oh, or CH with a closed jaw), open jaw (aa), spread lips (E, ih, SS), tongue out (TH).
 * Writes into `out` (15 entries; the rest-pose remainder goes to `sil`) and returns it. Allocation-free.
 *
 * The one ARKit → viseme mapping of the SDK: the puppet's mouth and lipsync's ARKit adapter both use it.
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
