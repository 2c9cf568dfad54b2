import { Emitter } from '@digital-human/core';
import { AdaptiveRate } from './AdaptiveRate';
import { createFaceSample, type FaceProcessor, type FaceSample } from './FaceSample';
import type { FaceThread } from './mediapipe/createFaceProcessor';
import type { FaceTrackerOptions } from './mediapipe/FaceTracker';
import { openCamera, stopStream } from './openCamera';
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

async function defaultProcessor(options: CameraSenseOptions): Promise<FaceProcessor> {
  if (!options.tracker) throw SenseError.modelMissing('(none)', 'no tracker.modelUrl configured');
  const { createFaceProcessor } = await import('./mediapipe/index');
  return createFaceProcessor(options.tracker, options.thread ?? 'auto', options.workerFactory);
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
  private readonly options: CameraSenseOptions;
  private readonly estimator: SentimentEstimator;
  private readonly limiter: SummaryRateLimiter;
  private readonly rate: AdaptiveRate;
  private readonly sample: FaceSample = createFaceSample();
  private readonly now: () => number;
  private processor: FaceProcessor | null = null;
  private mediaStream: MediaStream | null = null;
  private video: HTMLVideoElement | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastVideoTime = -1;
  private currentStatus: CameraSenseStatus = 'off';
  private lastError: SenseError | null = null;
  private generation = 0;
  private disposed = false;

  constructor(options: CameraSenseOptions = {}) {
    super();
    this.options = options;
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
  }

  /** True while the camera is on. */
  get active(): boolean {
    return this.currentStatus === 'on';
  }

  get status(): CameraSenseStatus {
    return this.currentStatus;
  }

  /** Why sensing is `unavailable`, or null. */
  get error(): SenseError | null {
    return this.lastError;
  }

  /** The live sentiment while on, or null (no camera = no sentiment). */
  get sentiment(): SentimentState | null {
    return this.active ? this.estimator.state : null;
  }

  /** The camera stream while on (for an optional local self-view), or null. */
  get stream(): MediaStream | null {
    return this.mediaStream;
  }

  /** Current processing rate in frames per second and cost per frame in ms. */
  get rateInfo(): { readonly fps: number; readonly costMs: number } {
    return { fps: this.rate.fps, costMs: this.rate.costMs };
  }

  /** True when tracking runs in a worker (known once started). */
  get offThread(): boolean {
    return this.processor?.offThread === true;
  }

  /**
   * Turns the camera on and starts sensing. Call only after the user opted in. Rejects with a {@link SenseError}
   * (`camera-denied`, `camera-unavailable`, `model-missing`, `wasm-missing`, `unsupported`); the status is then
   * `unavailable` and everything else keeps working without sentiment.
   */
  async start(): Promise<void> {
    if (this.disposed) throw SenseError.unsupported('this CameraSense was disposed');
    if (this.currentStatus === 'on' || this.currentStatus === 'starting') return;
    const generation = ++this.generation;
    this.lastError = null;
    this.setStatus('starting');
    try {
      this.processor ??= await (this.options.createProcessor ?? (() => defaultProcessor(this.options)))();
      if (generation !== this.generation) return; // stopped while loading: never open the camera
      const high = this.options.quality === 'high';
      const stream = await openCamera({
        width: high ? 640 : 320,
        height: high ? 480 : 240,
        maxFps: this.rate.fps,
      });
      if (generation !== this.generation) return stopStream(stream);
      this.mediaStream = stream;
      this.video = await playStream(stream);
      if (generation !== this.generation) return;
    } catch (error) {
      if (generation === this.generation) this.fail(error);
      throw this.lastError ?? error;
    }
    this.setStatus('on');
    this.emit('active', true);
    this.schedule(0);
  }

  /** Turns the camera off: stops every track, ends presence (emits `left` and a final summary). Idempotent. */
  stop(): void {
    this.generation++;
    const wasOn = this.currentStatus === 'on';
    this.release();
    if (wasOn) {
      this.estimator.end();
      this.limiter.flush(this.estimator.state, this.now());
      this.limiter.reset();
    }
    if (this.currentStatus !== 'unavailable') this.setStatus('off');
    if (wasOn) this.emit('active', false);
  }

  /** Stops, frees the face processor and removes all listeners. */
  dispose(): void {
    if (this.disposed) return;
    this.stop();
    this.processor?.dispose();
    this.processor = null;
    this.estimator.dispose();
    this.removeAllListeners();
    this.disposed = true;
  }

  private fail(error: unknown): void {
    this.release();
    this.lastError =
      error instanceof SenseError ? error : SenseError.unsupported('face sensing failed to start', error);
    this.setStatus('unavailable');
    this.emit('error', this.lastError);
  }

  private release(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    stopStream(this.mediaStream);
    this.mediaStream = null;
    if (this.video) {
      this.video.pause();
      this.video.srcObject = null;
      this.video = null;
    }
    this.lastVideoTime = -1;
  }

  private setStatus(status: CameraSenseStatus): void {
    if (status === this.currentStatus) return;
    this.currentStatus = status;
    this.emit('status', status);
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(this.tick, delayMs);
  }

  private readonly tick = (): void => {
    this.timer = undefined;
    const video = this.video;
    const processor = this.processor;
    if (!video || !processor || this.currentStatus !== 'on') return;
    // HAVE_CURRENT_DATA and a new frame since the last one processed; else look again soon, without spinning.
    if (video.readyState < 2 || video.currentTime === this.lastVideoTime) {
      this.schedule(Math.min(20, this.rate.intervalMs / 4));
      return;
    }
    this.lastVideoTime = video.currentTime;
    const t0 = this.now();
    const generation = this.generation;
    let result: boolean | Promise<boolean>;
    try {
      result = processor.process(video, t0, this.sample);
    } catch (error) {
      this.processFailed(error);
      return;
    }
    if (typeof result === 'boolean') this.processed(t0);
    else {
      result.then(
        () => generation === this.generation && this.processed(t0),
        (error: unknown) => generation === this.generation && this.processFailed(error),
      );
    }
  };

  private processed(t0: number): void {
    if (this.currentStatus !== 'on') return;
    const cost = this.now() - t0;
    this.rate.record(cost);
    const state = this.estimator.update(this.sample);
    this.emit('sentiment', state);
    this.limiter.offer(state, t0);
    this.schedule(this.rate.delayMs(cost));
  }

  private processFailed(error: unknown): void {
    this.stop();
    this.fail(error);
  }
}

async function playStream(stream: MediaStream): Promise<HTMLVideoElement> {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  try {
    await video.play();
  } catch (cause) {
    stopStream(stream);
    throw SenseError.cameraUnavailable('the camera stream could not be played', cause);
  }
  return video;
}
