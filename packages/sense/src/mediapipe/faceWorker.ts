/// <reference lib="webworker" />
/**
 * The face worker (module worker): runs `FaceTracker` off the main thread on transferred `ImageBitmap`s and posts
 * back only numbers. Started by {@link WorkerFaceProcessor}.
 */
import { createFaceSample } from '../FaceSample';
import { SenseError } from '../SenseError';
import { FaceTracker } from './FaceTracker';
import type { FromFaceWorker, ToFaceWorker } from './workerProtocol';

declare const self: DedicatedWorkerGlobalScope;

let tracker: FaceTracker | null = null;
const sample = createFaceSample();

function post(message: FromFaceWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

function postError(error: unknown): void {
  const e = error instanceof SenseError ? error : SenseError.unsupported('the face worker failed', error);
  post({ type: 'error', code: e.code, reason: e.message.replace(/^[^:]*: /, ''), url: e.url });
}

async function init(options: Extract<ToFaceWorker, { type: 'init' }>['options']): Promise<void> {
  try {
    tracker = await FaceTracker.create({ ...options, wasmModule: true });
    post({ type: 'ready' });
  } catch (error) {
    postError(error);
  }
}

function frame(message: Extract<ToFaceWorker, { type: 'frame' }>): void {
  const { bitmap, buffer } = message;
  try {
    tracker?.process(bitmap, message.timeMs, sample);
  } catch (error) {
    postError(error);
    return;
  } finally {
    bitmap.close();
  }
  buffer.set(sample.blendshapes);
  post(
    {
      type: 'sample',
      present: tracker !== null && sample.present,
      buffer,
      headYaw: sample.headYaw,
      headPitch: sample.headPitch,
      headRoll: sample.headRoll,
      timeMs: message.timeMs,
    },
    [buffer.buffer],
  );
}

self.onmessage = (event: MessageEvent<ToFaceWorker>) => {
  const message = event.data;
  if (message.type === 'init') void init(message.options);
  else if (message.type === 'frame') frame(message);
  else {
    tracker?.dispose();
    tracker = null;
    self.close();
  }
};
