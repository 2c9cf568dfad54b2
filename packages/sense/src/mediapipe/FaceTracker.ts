import { FaceLandmarker, type FaceLandmarkerResult, FilesetResolver } from '@mediapipe/tasks-vision';
import { ARKIT_BLENDSHAPES } from '../blendshapes';
import type { FaceProcessor, FaceSample } from '../FaceSample';
import { type HeadPose, headPoseFromMatrix } from '../headPose';
import { SenseError } from '../SenseError';
import { fetchModel, preflightWasm } from './assets';

/** How to build a {@link FaceTracker}. Every URL is served by the app itself: no CDN. */
export interface FaceTrackerOptions {
  /** URL of the folder holding MediaPipe's `vision_wasm_*internal.{js,wasm}` files (no trailing slash needed). */
  wasmBaseUrl: string;
  /** URL of `face_landmarker.task`. */
  modelUrl: string;
  /** `'VIDEO'` for camera frames (default), `'IMAGE'` for stills. */
  runningMode?: 'VIDEO' | 'IMAGE';
  /** Inference backend; `'CPU'` (default) is the predictable one on low-end phones. */
  delegate?: 'CPU' | 'GPU';
  /** Minimum face detection confidence, 0..1 (MediaPipe default 0.5). */
  minFaceDetectionConfidence?: number;
  /** Minimum face presence confidence, 0..1 (MediaPipe default 0.5). */
  minFacePresenceConfidence?: number;
  /** Load the ES-module build of the wasm loader (`vision_wasm_module_internal.*`), needed in module workers. */
  wasmModule?: boolean;
  /** Cancels loading. */
  signal?: AbortSignal;
}

const _pose: HeadPose = { yaw: 0, pitch: 0, roll: 0 };

/**
 * MediaPipe `FaceLandmarker` behind the {@link FaceProcessor} interface: image in, blendshapes and head pose out.
 * Create with {@link FaceTracker.create}; it throws a `SenseError` naming the missing file when the model or the
 * wasm is not served.
 *
 * @example
 * ```ts
 * const tracker = await FaceTracker.create({ wasmBaseUrl: '/sense/wasm', modelUrl: '/sense/face_landmarker.task' });
 * tracker.process(video, performance.now(), sample);
 * ```
 */
export class FaceTracker implements FaceProcessor {
  private landmarker: FaceLandmarker | null;
  private readonly video: boolean;
  private lastTimeMs = -1;
  /** Our blendshape index for each MediaPipe category index (-1 for `_neutral`); built on the first result. */
  private indexMap: Int8Array | null = null;

  private constructor(landmarker: FaceLandmarker, video: boolean) {
    this.landmarker = landmarker;
    this.video = video;
  }

  /** Loads the wasm and the model and creates the landmarker (one face, blendshapes and head matrix on). */
  static async create(options: FaceTrackerOptions): Promise<FaceTracker> {
    const fileset = await FilesetResolver.forVisionTasks(
      options.wasmBaseUrl.replace(/\/+$/, ''),
      options.wasmModule ?? false,
    );
    const [model] = await Promise.all([
      fetchModel(options.modelUrl, options.signal),
      preflightWasm(fileset, options.signal),
    ]);
    const runningMode = options.runningMode ?? 'VIDEO';
    let landmarker: FaceLandmarker;
    try {
      landmarker = await FaceLandmarker.createFromOptions(fileset, {
        baseOptions: { modelAssetBuffer: model, delegate: options.delegate ?? 'CPU' },
        runningMode,
        numFaces: 1,
        outputFaceBlendshapes: true,
        outputFacialTransformationMatrixes: true,
        ...(options.minFaceDetectionConfidence === undefined
          ? {}
          : { minFaceDetectionConfidence: options.minFaceDetectionConfidence }),
        ...(options.minFacePresenceConfidence === undefined
          ? {}
          : { minFacePresenceConfidence: options.minFacePresenceConfidence }),
      });
    } catch (cause) {
      throw SenseError.unsupported(
        'MediaPipe FaceLandmarker could not start (corrupt model or no wasm support)',
        cause,
      );
    }
    return new FaceTracker(landmarker, runningMode === 'VIDEO');
  }

  /** Runs the landmarker on `source` and writes blendshapes and head pose into `out`. Returns `out.present`. */
  process(source: TexImageSource, timeMs: number, out: FaceSample): boolean {
    const landmarker = this.landmarker;
    out.timeMs = timeMs;
    if (!landmarker) {
      out.present = false;
      return false;
    }
    let result: FaceLandmarkerResult;
    if (this.video) {
      // VIDEO mode rejects timestamps that do not increase.
      const ts = timeMs > this.lastTimeMs ? timeMs : this.lastTimeMs + 1;
      this.lastTimeMs = ts;
      result = landmarker.detectForVideo(source, ts);
    } else {
      result = landmarker.detect(source);
    }
    return this.read(result, out);
  }

  /** Closes the landmarker and frees its wasm memory. Safe to call twice. */
  dispose(): void {
    this.landmarker?.close();
    this.landmarker = null;
  }

  private read(result: FaceLandmarkerResult, out: FaceSample): boolean {
    const categories = result.faceBlendshapes[0]?.categories;
    if (!categories || categories.length === 0) {
      out.present = false;
      return false;
    }
    const map = this.indexMap ?? this.buildIndexMap(categories);
    const weights = out.blendshapes;
    for (let i = 0; i < categories.length; i++) {
      const c = categories[i]!;
      const j = map[c.index] ?? -1;
      if (j >= 0) weights[j] = c.score;
    }
    const matrix = result.facialTransformationMatrixes[0];
    if (matrix) {
      headPoseFromMatrix(matrix.data, _pose);
      out.headYaw = _pose.yaw;
      out.headPitch = _pose.pitch;
      out.headRoll = _pose.roll;
    }
    out.present = true;
    return true;
  }

  private buildIndexMap(categories: readonly { index: number; categoryName: string }[]): Int8Array {
    let size = 0;
    for (const c of categories) size = Math.max(size, c.index + 1);
    const map = new Int8Array(size).fill(-1);
    for (const c of categories) map[c.index] = ARKIT_BLENDSHAPES.indexOf(c.categoryName as never);
    this.indexMap = map;
    return map;
  }
}
