import { Emitter } from '@digital-human/core';
import {
  createOperatorFaceFrame,
  encodeFaceFrame,
  FACE_FRAME_BYTES,
  type OperatorFaceFrame,
} from '@digital-human/protocol';
import { AdaptiveRate } from './AdaptiveRate';
import { defaultFaceProcessor, FaceCameraLoop } from './FaceCameraLoop';
import type { FaceProcessor, FaceSample } from './FaceSample';
import type { FaceThread } from './mediapipe/createFaceProcessor';
import type { FaceTrackerOptions } from './mediapipe/FaceTracker';
import { openCamera } from './openCamera';
import { DEFAULT_GAZE_RANGE, operatorFrameFromSample } from './operatorCaptureFrame';
import { SenseError } from './SenseError';

/** Where capture stands: `off`, `starting`, `on` (camera live), `unavailable` (failed; see `error`). */
export type OperatorCaptureStatus = 'off' | 'starting' | 'on' | 'unavailable';

/** One captured operator frame: the numbers and their wire bytes. Reused: read it, never keep it. */
export interface OperatorCaptureFrame {
  /** The decoded view (blendshapes, head, gaze, seq, capture time). */
  readonly frame: OperatorFaceFrame;
  /** The frame encoded with the protocol's face-frame codec (73 bytes); send it as is (lossy, `Topic.face`). */
  readonly bytes: Uint8Array;
}

/** The events of an {@link OperatorCapture}. */
export interface OperatorCaptureEvents {
  /** A frame was captured (~30 Hz). The payload is reused: copy what you keep. */
  frame: OperatorCaptureFrame;
  /** The status changed. */
  status: OperatorCaptureStatus;
  /** The camera went on (`true`) or off (`false`). */
  active: boolean;
  /** Capture failed; the operator can still talk (voice only) and the avatar falls back to idle. */
  error: SenseError;
}

/** Options of an {@link OperatorCapture}. */
export interface OperatorCaptureOptions {
  /** Where the MediaPipe wasm and model are served; used by the default {@link createProcessor}. */
  tracker?: FaceTrackerOptions;
  /** Builds the face processor. Default: lazily imports `@digital-human/sense/mediapipe` (worker where possible). */
  createProcessor?: () => Promise<FaceProcessor>;
  /** Where the default processor runs (default `'auto'`). */
  thread?: FaceThread;
  /** Starts the face worker (default: the bundled module worker). */
  workerFactory?: () => Worker;
  /** Opens the camera (default: the user-facing camera, video only, at `width`×`height`). */
  openStream?: () => Promise<MediaStream>;
  /** Camera size asked for (default 640×480). */
  width?: number;
  height?: number;
  /** Frames per second aimed at (default 30); slower when tracking cannot keep up. */
  fps?: number;
  /** Largest share of time spent tracking, 0..1 (default 0.8: the operator console has little else to do). */
  maxBusy?: number;
  /** Gaze angle of a full look to one side, radians (default 0.5). */
  gazeRange?: number;
  /** The clock, ms (default `performance.now`); frame timestamps are read from it. */
  now?: () => number;
}

/**
 * The operator's ("puppeteer's") face capture: webcam → MediaPipe FaceLandmarker (blendshapes and facial
 * transformation matrix) → ARKit 52 blendshapes, head rotation and gaze → one face frame of 73 bytes at ~30 Hz,
 * with a sequence number and the capture time. The camera image never leaves the device: only these numbers do.
 *
 * A face that leaves the camera still produces frames, marked untracked (the customer's avatar holds, then eases to
 * idle). A refused or missing camera rejects `start()` with a {@link SenseError} (`camera-denied`,
 * `camera-unavailable`), also emitted as `error`; the status is then `unavailable`.
 *
 * ```ts
 * const capture = new OperatorCapture({ tracker: { wasmBaseUrl: '/sense/wasm', modelUrl: '/sense/face_landmarker.task' } });
 * capture.on('frame', ({ bytes }) => operatorFrames.publish(bytes));
 * await capture.start();
 * ```
 */
export class OperatorCapture extends Emitter<OperatorCaptureEvents> {
  private readonly options: OperatorCaptureOptions;
  private readonly rate: AdaptiveRate;
  private readonly payload = {
    frame: createOperatorFaceFrame(),
    bytes: new Uint8Array(FACE_FRAME_BYTES),
  };
  private readonly loop: FaceCameraLoop;
  private seq = 0;
  private captured = 0;
  private disposed = false;

  constructor(options: OperatorCaptureOptions = {}) {
    super();
    this.options = options;
    this.rate = new AdaptiveRate({ maxFps: options.fps ?? 30, maxBusy: options.maxBusy ?? 0.8 });
    const now = options.now ?? (() => performance.now());
    this.loop = new FaceCameraLoop(
      { rate: this.rate, now, pollMs: 8, failMessage: 'operator capture failed' },
      {
        createProcessor: () => (options.createProcessor ?? (() => defaultFaceProcessor(options)))(),
        openStream: () => this.openStream(),
        processed: (sample, t0) => this.captureFrame(sample, t0),
        status: (status) => this.emit('status', status),
        active: (on) => this.emit('active', on),
        error: (error) => this.emit('error', error),
      },
    );
  }

  get status(): OperatorCaptureStatus {
    return this.loop.status;
  }

  /** True while the camera is on. */
  get active(): boolean {
    return this.loop.status === 'on';
  }

  /** Why capture is `unavailable`, or null. */
  get error(): SenseError | null {
    return this.loop.error;
  }

  /** The camera stream while on (for the operator's own self-view), or null. */
  get stream(): MediaStream | null {
    return this.loop.stream;
  }

  /** True when tracking runs in a worker (known once started). */
  get offThread(): boolean {
    return this.loop.offThread;
  }

  /** Frames captured since construction, the current rate (fps) and tracking cost per frame (ms). */
  get stats(): { readonly frames: number; readonly fps: number; readonly costMs: number } {
    return { frames: this.captured, fps: this.rate.fps, costMs: this.rate.costMs };
  }

  /**
   * Loads the tracker, opens the camera and starts emitting frames. Rejects with a {@link SenseError}
   * (`camera-denied`, `camera-unavailable`, `model-missing`, `wasm-missing`, `unsupported`).
   */
  async start(): Promise<void> {
    if (this.disposed) throw SenseError.unsupported('this OperatorCapture was disposed');
    await this.loop.start();
  }

  /** Turns the camera off (every track stopped). Idempotent. */
  stop(): void {
    this.loop.stop();
  }

  /** Stops, frees the tracker and removes all listeners. */
  dispose(): void {
    if (this.disposed) return;
    this.loop.dispose();
    this.removeAllListeners();
    this.disposed = true;
  }

  private openStream(): Promise<MediaStream> {
    const { openStream, width = 640, height = 480, fps = 30 } = this.options;
    if (!openStream) return openCamera({ width, height, maxFps: fps });
    return openStream().catch((error: unknown) => {
      throw error instanceof SenseError ? error : SenseError.cameraUnavailable('openStream failed', error);
    });
  }

  private captureFrame(sample: FaceSample, t0: number): void {
    const { frame, bytes } = this.payload;
    operatorFrameFromSample(sample, this.seq++, t0, frame, this.options.gazeRange ?? DEFAULT_GAZE_RANGE);
    encodeFaceFrame(frame, bytes);
    this.captured++;
    this.emit('frame', this.payload);
  }
}
