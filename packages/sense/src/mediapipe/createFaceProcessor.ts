import type { FaceProcessor } from '../FaceSample';
import { SenseError } from '../SenseError';
import { FaceTracker, type FaceTrackerOptions } from './FaceTracker';
import { type FaceWorkerFactory, faceWorkerSupported, WorkerFaceProcessor } from './WorkerFaceProcessor';

/** Where face tracking runs: `'auto'` (a worker where the browser allows it, else the main thread), or forced. */
export type FaceThread = 'auto' | 'worker' | 'main';

/**
 * Builds the face processor: in a worker when `thread` allows it and the browser supports it, else on the main
 * thread. Missing assets (`model-missing`, `wasm-missing`) always reject; a worker that cannot start falls back to
 * the main thread under `'auto'`.
 */
export async function createFaceProcessor(
  options: FaceTrackerOptions,
  thread: FaceThread = 'auto',
  workerFactory?: FaceWorkerFactory,
): Promise<FaceProcessor> {
  if (thread !== 'main' && faceWorkerSupported()) {
    try {
      return await WorkerFaceProcessor.create(options, workerFactory);
    } catch (error) {
      const assetError = error instanceof SenseError && error.code !== 'unsupported';
      if (thread === 'worker' || assetError || options.signal?.aborted) throw error;
    }
  } else if (thread === 'worker') {
    throw SenseError.unsupported('module workers with OffscreenCanvas are not available');
  }
  return FaceTracker.create(options);
}
