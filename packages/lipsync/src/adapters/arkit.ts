import { arkitToVisemeWeights, VISEME_COUNT, VISEMES, type Viseme } from '@digital-human/core';
import { mergeCues, type VisemeCue } from '../VisemeCue';

/**
 * ARKit → canonical viseme weights: the SDK's one mapping lives in `@digital-human/core` (the puppet uses it too);
 * re-exported here as lipsync's ARKit adapter.
 */
export { arkitToVisemeWeights };

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
