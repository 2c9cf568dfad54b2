import { Emitter } from '@digital-human/core';
import { AdaptiveRate } from './AdaptiveRate';
import { defaultFaceProcessor, FaceCameraLoop } from './FaceCameraLoop';
import type { FaceProcessor } from './FaceSample';
import type { FaceThread } from './mediapipe/createFaceProcessor';
import type { FaceTrackerOptions } from './mediapipe/FaceTracker';
import { openCamera } from './openCamera';
import { SenseError } from './SenseError';
import { SentimentEstimator, type SentimentEstimatorOptions } from './SentimentEstimator';
import type { SentimentState, SentimentSummary } from './SentimentState';
import { SummaryRateLimiter, type SummaryRateLimiterOptions } from './SummaryRateLimiter';

/** Where sensing stands: `off` (default, no camera), `starting`, `on` (camera live), `unavailable` (failed). */
export type CameraSenseStatus = 'off' | 'starting' | 'on' | 'unavailable';

/** Options of a {@link CameraSense}. */
export interface CameraSenseOptions {
  /** Where the MediaPipe wasm and model are served; used by the default {@link createProcessor}. */
  tracker?: FaceTrackerOptions;
  /** Builds the face processor when sensing starts. Default: lazily imports `@digital-human/sense/mediapipe`. */
  createProcessor?: () => Promise<FaceProcessor>;
  /** Where the default processor runs: `'auto'` (default: a worker where the browser allows it), `'worker'`, `'main'`. */
  thread?: FaceThread;
  /** Starts the face worker (default: the bundled module worker); for apps whose bundler needs its own URL. */
  workerFactory?: () => Worker;
  /** `'low'` (default): 320×240 at ≤ 15 fps; `'high'`: 640×480 at ≤ 30 fps. */
  quality?: 'low' | 'high';
  /** Overrides the quality tier's frame-rate cap. */
  maxFps?: number;
  /** Largest share of time spent processing, 0..1 (default 0.5). */
  maxBusy?: number;
  estimator?: SentimentEstimatorOptions;
  summary?: SummaryRateLimiterOptions;
  /** The clock, in ms (default `performance.now`). */
  now?: () => number;
}

/** The events of a {@link CameraSense}. */
export interface CameraSenseEvents {
  /** The camera went on (`true`) or off (`false`): show or hide the recording indicator. */
  active: boolean;
  /** Status changed. */
  status: CameraSenseStatus;
  /** Every processed frame (live state: read, never keep). */
  sentiment: SentimentState;
  /** A rate-limited summary to send as `user.sentiment`. */
  summary: SentimentSummary;
  /** A person arrived in front of the camera. */
  arrived: SentimentState;
  /** The person left. */
  left: SentimentState;
  /** Sensing failed; the app carries on without sentiment. */
  error: SenseError;
}

/**
 * The customer's camera, only with consent: off until {@link start} is called (after an explicit opt-in in the UI),
 * and one {@link stop} turns it off. Frames are processed on the device into numbers; no frame ever leaves it.
 * Tracking runs in a worker where the browser allows it (frames go over as transferred `ImageBitmap`s), else on
 * the main thread, paced by {@link AdaptiveRate} (≤ 15 fps on the low tier, slower when processing is slow).
 *
 * @example
 * ```ts
 * const sense = new CameraSense({ tracker: { wasmBaseUrl: '/sense/wasm', modelUrl: '/sense/face_landmarker.task' } });
 * sense.on('active', (on) => indicator.hidden = !on);
 * sense.on('summary', (s) => transport.send('user.sentiment', s));
 * await optInButton.clicked; await sense.start();
 * ```
 */
export class CameraSense extends Emitter<CameraSenseEvents> {
  private readonly estimator: SentimentEstimator;
  private readonly limiter: SummaryRateLimiter;
  private readonly rate: AdaptiveRate;
  private readonly now: () => number;
  private readonly loop: FaceCameraLoop;
  private disposed = false;

  constructor(options: CameraSenseOptions = {}) {
    super();
    const high = options.quality === 'high';
    this.rate = new AdaptiveRate({
      maxFps: options.maxFps ?? (high ? 30 : 15),
      maxBusy: options.maxBusy ?? 0.5,
    });
    this.now = options.now ?? (() => performance.now());
    this.estimator = new SentimentEstimator(options.estimator);
    this.limiter = new SummaryRateLimiter((s) => this.emit('summary', s), options.summary);
    this.estimator.on('arrived', (s) => this.emit('arrived', s));
    this.estimator.on('left', (s) => this.emit('left', s));
    const loopOptions = {
      rate: this.rate,
      now: this.now,
      pollMs: 20,
      failMessage: 'face sensing failed to start',
    };
    this.loop = new FaceCameraLoop(loopOptions, {
      createProcessor: () => (options.createProcessor ?? (() => defaultFaceProcessor(options)))(),
      openStream: () =>
        openCamera({ width: high ? 640 : 320, height: high ? 480 : 240, maxFps: this.rate.fps }),
      processed: (sample, t0) => {
        const state = this.estimator.update(sample);
        this.emit('sentiment', state);
        this.limiter.offer(state, t0);
      },
      stopped: () => {
        this.estimator.end();
        this.limiter.flush(this.estimator.state, this.now());
        this.limiter.reset();
      },
      status: (status) => this.emit('status', status),
      active: (on) => this.emit('active', on),
      error: (error) => this.emit('error', error),
    });
  }

  /** True while the camera is on. */
  get active(): boolean {
    return this.loop.status === 'on';
  }

  get status(): CameraSenseStatus {
    return this.loop.status;
  }

  /** Why sensing is `unavailable`, or null. */
  get error(): SenseError | null {
    return this.loop.error;
  }

  /** The live sentiment while on, or null (no camera = no sentiment). */
  get sentiment(): SentimentState | null {
    return this.active ? this.estimator.state : null;
  }

  /** The camera stream while on (for an optional local self-view), or null. */
  get stream(): MediaStream | null {
    return this.loop.stream;
  }

  /** Current processing rate in frames per second and cost per frame in ms. */
  get rateInfo(): { readonly fps: number; readonly costMs: number } {
    return { fps: this.rate.fps, costMs: this.rate.costMs };
  }

  /** True when tracking runs in a worker (known once started). */
  get offThread(): boolean {
    return this.loop.offThread;
  }

  /**
   * Turns the camera on and starts sensing. Call only after the user opted in. Rejects with a {@link SenseError}
   * (`camera-denied`, `camera-unavailable`, `model-missing`, `wasm-missing`, `unsupported`); the status is then
   * `unavailable` and everything else keeps working without sentiment.
   */
  async start(): Promise<void> {
    if (this.disposed) throw SenseError.unsupported('this CameraSense was disposed');
    await this.loop.start();
  }

  /** Turns the camera off: stops every track, ends presence (emits `left` and a final summary). Idempotent. */
  stop(): void {
    this.loop.stop();
  }

  /** Stops, frees the face processor and removes all listeners. */
  dispose(): void {
    if (this.disposed) return;
    this.loop.dispose();
    this.estimator.dispose();
    this.removeAllListeners();
    this.disposed = true;
  }
}
