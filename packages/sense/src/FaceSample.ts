import { createBlendshapes } from './blendshapes';

/**
 * The numbers one camera frame yields, and all that ever leaves the face tracker: no pixels.
 * Reused in place frame after frame: read it, never keep it.
 */
export interface FaceSample {
  /** A face was detected in this frame. When false the other fields keep their last values. */
  present: boolean;
  /** The 52 blendshape weights (0..1) in {@link ARKIT_BLENDSHAPES} order. */
  readonly blendshapes: Float32Array;
  /** Head yaw in radians, 0 facing the camera; positive when the head turns to the image's right. */
  headYaw: number;
  /** Head pitch in radians, 0 facing the camera; positive when the head tilts up. */
  headPitch: number;
  /** Head roll in radians. */
  headRoll: number;
  /** Frame time in milliseconds (the clock of the source, e.g. `performance.now()`). */
  timeMs: number;
}

/** Creates an empty sample (no face) with preallocated arrays. */
export function createFaceSample(): FaceSample {
  return {
    present: false,
    blendshapes: createBlendshapes(),
    headYaw: 0,
    headPitch: 0,
    headRoll: 0,
    timeMs: 0,
  };
}

/**
 * Anything that turns an image into a {@link FaceSample}: the MediaPipe `FaceTracker` from
 * `@digital-human/sense/mediapipe`, or a stub in tests. It must not allocate per call beyond what its engine does.
 */
export interface FaceProcessor {
  /**
   * Looks for a face in `source` at `timeMs` (strictly increasing for video) and writes the result into `out`.
   * Returns `out.present`, or a promise of it when the work happens elsewhere (a worker).
   */
  process(source: TexImageSource, timeMs: number, out: FaceSample): boolean | Promise<boolean>;
  /** True when the work runs off the main thread (a worker). */
  readonly offThread?: boolean;
  /** Frees the engine. */
  dispose(): void;
}
