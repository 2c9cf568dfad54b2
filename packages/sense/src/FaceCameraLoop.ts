import type { AdaptiveRate } from './AdaptiveRate';
import { createFaceSample, type FaceProcessor, type FaceSample } from './FaceSample';
import type { FaceThread } from './mediapipe/createFaceProcessor';
import type { FaceTrackerOptions } from './mediapipe/FaceTracker';
import { stopStream } from './openCamera';
import { SenseError } from './SenseError';

/** Where a camera loop stands: `off`, `starting`, `on` (camera live), `unavailable` (failed; see `error`). */
export type FaceCameraStatus = 'off' | 'starting' | 'on' | 'unavailable';

/** Where the loop reports to, and what it asks its owner for. */
export interface FaceCameraLoopHooks {
  /** Builds the face processor (once: it is kept across stop and start). */
  createProcessor(): Promise<FaceProcessor>;
  /** Opens the camera stream. */
  openStream(): Promise<MediaStream>;
  /** A frame was processed into `sample`; `t0` is when processing began (ms on the loop's clock). */
  processed(sample: FaceSample, t0: number): void;
  /** `stop()` released the camera of a loop that was on (called before the status turns `off`). */
  stopped?(): void;
  status(status: FaceCameraStatus): void;
  active(on: boolean): void;
  error(error: SenseError): void;
}

/** Options of a {@link FaceCameraLoop}. */
export interface FaceCameraLoopOptions {
  /** Paces the frames; shared with the owner, which reads its fps and cost. */
  readonly rate: AdaptiveRate;
  /** The clock, ms. */
  readonly now: () => number;
  /** Longest wait before looking again for a new video frame, ms. */
  readonly pollMs: number;
  /** The message of the `unsupported` error that wraps a failure that is not already a {@link SenseError}. */
  readonly failMessage: string;
}

/** The options of the default processor: MediaPipe FaceLandmarker, loaded lazily. */
export interface DefaultFaceProcessorOptions {
  tracker?: FaceTrackerOptions;
  thread?: FaceThread;
  workerFactory?: () => Worker;
}

/** Lazily imports `@digital-human/sense/mediapipe` and builds its face processor (`model-missing` without a tracker). */
export async function defaultFaceProcessor(options: DefaultFaceProcessorOptions): Promise<FaceProcessor> {
  if (!options.tracker) throw SenseError.modelMissing('(none)', 'no tracker.modelUrl configured');
  const { createFaceProcessor } = await import('./mediapipe/index');
  return createFaceProcessor(options.tracker, options.thread ?? 'auto', options.workerFactory);
}

/**
 * The camera → face processor loop shared by `CameraSense` and `OperatorCapture`: loads the processor, opens and
 * plays the camera, processes each new video frame at the pace of an {@link AdaptiveRate}, and owns the status
 * (`off` → `starting` → `on`, or `unavailable` with a {@link SenseError}). A `stop()` during a load never opens the
 * camera. What a processed frame means is the owner's, through {@link FaceCameraLoopHooks.processed}.
 */
export class FaceCameraLoop {
  private readonly sample = createFaceSample();
  private processor: FaceProcessor | null = null;
  private mediaStream: MediaStream | null = null;
  private video: HTMLVideoElement | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastVideoTime = -1;
  private currentStatus: FaceCameraStatus = 'off';
  private lastError: SenseError | null = null;
  private generation = 0;

  constructor(
    private readonly options: FaceCameraLoopOptions,
    private readonly hooks: FaceCameraLoopHooks,
  ) {}

  get status(): FaceCameraStatus {
    return this.currentStatus;
  }

  /** Why the loop is `unavailable`, or null. */
  get error(): SenseError | null {
    return this.lastError;
  }

  /** The camera stream while on, or null. */
  get stream(): MediaStream | null {
    return this.mediaStream;
  }

  /** True when tracking runs in a worker (known once started). */
  get offThread(): boolean {
    return this.processor?.offThread === true;
  }

  /** Loads the processor, opens the camera and starts processing; rejects with the {@link SenseError} it reports. */
  async start(): Promise<void> {
    if (this.currentStatus === 'on' || this.currentStatus === 'starting') return;
    const generation = ++this.generation;
    this.lastError = null;
    this.setStatus('starting');
    try {
      this.processor ??= await this.hooks.createProcessor();
      if (generation !== this.generation) return; // stopped while loading: never open the camera
      const stream = await this.hooks.openStream();
      if (generation !== this.generation) return stopStream(stream);
      this.mediaStream = stream;
      this.video = await playStream(stream);
      if (generation !== this.generation) return;
    } catch (error) {
      if (generation === this.generation) this.fail(error);
      throw this.lastError ?? error;
    }
    this.setStatus('on');
    this.hooks.active(true);
    this.schedule(0);
  }

  /** Turns the camera off (every track stopped). Idempotent. */
  stop(): void {
    this.generation++;
    const wasOn = this.currentStatus === 'on';
    this.release();
    if (wasOn) this.hooks.stopped?.();
    if (this.currentStatus !== 'unavailable') this.setStatus('off');
    if (wasOn) this.hooks.active(false);
  }

  /** Stops and frees the face processor. */
  dispose(): void {
    this.stop();
    this.processor?.dispose();
    this.processor = null;
  }

  private fail(error: unknown): void {
    this.release();
    this.lastError =
      error instanceof SenseError ? error : SenseError.unsupported(this.options.failMessage, error);
    this.setStatus('unavailable');
    this.hooks.error(this.lastError);
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

  private setStatus(status: FaceCameraStatus): void {
    if (status === this.currentStatus) return;
    this.currentStatus = status;
    this.hooks.status(status);
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
      this.schedule(Math.min(this.options.pollMs, this.options.rate.intervalMs / 4));
      return;
    }
    this.lastVideoTime = video.currentTime;
    const t0 = this.options.now();
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
    const rate = this.options.rate;
    const cost = this.options.now() - t0;
    rate.record(cost);
    this.hooks.processed(this.sample, t0);
    this.schedule(rate.delayMs(cost));
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
