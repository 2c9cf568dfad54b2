import { ARKIT_COUNT } from '@digital-human/core';
import type { FaceProcessor, FaceSample } from '../FaceSample';
import { SenseError } from '../SenseError';
import type { FaceTrackerOptions } from './FaceTracker';
import type { FromFaceWorker, ToFaceWorker } from './workerProtocol';

/** Starts the face worker; the default uses the bundled module worker. */
export type FaceWorkerFactory = () => Worker;

/** Starts the bundled face worker (`faceWorker.ts`, a module worker). */
export const createFaceWorker: FaceWorkerFactory = () =>
  new Worker(new URL('./faceWorker.ts', import.meta.url), { type: 'module', name: 'digital-human-face' });

/** True when this browser can run the face worker: module workers, `OffscreenCanvas` and `createImageBitmap`. */
export function faceWorkerSupported(): boolean {
  return (
    typeof Worker !== 'undefined' &&
    typeof OffscreenCanvas !== 'undefined' &&
    typeof createImageBitmap === 'function'
  );
}

function errorOf(message: Extract<FromFaceWorker, { type: 'error' }>): SenseError {
  return new SenseError(message.code, message.reason, message.url ? { url: message.url } : {});
}

/**
 * Runs MediaPipe in a worker: each frame becomes an `ImageBitmap` transferred to the worker (it never leaves the
 * device), and only the blendshapes and head pose come back. One frame in flight at a time; the blendshape buffer
 * goes back and forth (transferred), so nothing is allocated per frame beyond the bitmap.
 */
export class WorkerFaceProcessor implements FaceProcessor {
  readonly offThread = true;
  private worker: Worker | null;
  private buffer: Float32Array | null = new Float32Array(ARKIT_COUNT);
  private pending: {
    readonly resolve: (present: boolean) => void;
    readonly reject: (e: unknown) => void;
    readonly out: FaceSample;
  } | null = null;

  private constructor(worker: Worker) {
    this.worker = worker;
    worker.onmessage = (event: MessageEvent<FromFaceWorker>) => this.receive(event.data);
    worker.onerror = (event) =>
      this.failPending(SenseError.unsupported(`the face worker crashed: ${event.message}`));
  }

  /** Starts the worker and loads the model in it; rejects with the worker's `SenseError` (e.g. `model-missing`). */
  static async create(
    options: FaceTrackerOptions,
    factory: FaceWorkerFactory = createFaceWorker,
  ): Promise<WorkerFaceProcessor> {
    if (!faceWorkerSupported())
      throw SenseError.unsupported('module workers with OffscreenCanvas are not available');
    const worker = factory();
    const { signal, ...rest } = options;
    await new Promise<void>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<FromFaceWorker>) => {
        if (event.data.type === 'ready') resolve();
        else if (event.data.type === 'error') reject(errorOf(event.data));
      };
      worker.onerror = (event) =>
        reject(SenseError.unsupported(`the face worker failed to start: ${event.message}`));
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      const init: ToFaceWorker = { type: 'init', options: rest };
      worker.postMessage(init);
    }).catch((error: unknown) => {
      worker.terminate();
      throw error;
    });
    return new WorkerFaceProcessor(worker);
  }

  /** Sends one frame to the worker; resolves with `out.present` once its numbers are back. */
  async process(source: TexImageSource, timeMs: number, out: FaceSample): Promise<boolean> {
    const worker = this.worker;
    const buffer = this.buffer;
    if (!worker || !buffer || this.pending) return false;
    const bitmap = await createImageBitmap(source as ImageBitmapSource);
    if (!this.worker) {
      bitmap.close();
      return false;
    }
    this.buffer = null;
    return new Promise<boolean>((resolve, reject) => {
      this.pending = { resolve, reject, out };
      const message: ToFaceWorker = { type: 'frame', bitmap, timeMs, buffer };
      worker.postMessage(message, [bitmap, buffer.buffer]);
    });
  }

  /** Stops the worker and frees its wasm memory. */
  dispose(): void {
    if (!this.worker) return;
    const message: ToFaceWorker = { type: 'dispose' };
    this.worker.postMessage(message);
    this.worker = null;
    this.failPending(null);
  }

  private receive(message: FromFaceWorker): void {
    const pending = this.pending;
    if (message.type === 'error') {
      this.failPending(errorOf(message));
      return;
    }
    if (message.type !== 'sample' || !pending) return;
    this.pending = null;
    this.buffer = message.buffer;
    const out = pending.out;
    out.blendshapes.set(message.buffer);
    out.present = message.present;
    out.headYaw = message.headYaw;
    out.headPitch = message.headPitch;
    out.headRoll = message.headRoll;
    out.timeMs = message.timeMs;
    pending.resolve(out.present);
  }

  private failPending(error: SenseError | null): void {
    const pending = this.pending;
    this.pending = null;
    this.buffer ??= new Float32Array(ARKIT_COUNT);
    if (!pending) return;
    if (error) pending.reject(error);
    else pending.resolve(false);
  }
}
