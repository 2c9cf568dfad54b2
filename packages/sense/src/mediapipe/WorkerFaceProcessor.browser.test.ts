import { describe, expect, inject, it } from 'vitest';
import { BlendshapeIndex } from '../blendshapes';
import { createFaceSample } from '../FaceSample';
import { SenseError } from '../SenseError';
import { createFaceProcessor } from './createFaceProcessor';
import { FaceTracker } from './FaceTracker';
import { faceWorkerSupported, WorkerFaceProcessor } from './WorkerFaceProcessor';

// Served by the test server from this package's own node_modules (no CDN).
const WASM = new URL('../../node_modules/@mediapipe/tasks-vision/wasm', import.meta.url).href;
const fixturesUrl = inject('fixturesUrl');

async function loadImage(url: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.src = url;
  await img.decode();
  return img;
}

describe('WorkerFaceProcessor', () => {
  it('is supported in Chromium', () => {
    expect(faceWorkerSupported()).toBe(true);
  });

  it.skipIf(!fixturesUrl)('tracks in a worker and returns the same numbers as the main thread', async () => {
    const options = { wasmBaseUrl: WASM, modelUrl: `${fixturesUrl}face_landmarker.task` };
    const worker = await WorkerFaceProcessor.create(options);
    const main = await FaceTracker.create(options);
    const img = await loadImage(`${fixturesUrl}face_smile_astronaut.png`);
    const a = createFaceSample();
    const b = createFaceSample();
    for (let t = 0; t < 300; t += 100) {
      expect(await worker.process(img, t, a)).toBe(true);
      main.process(img, t, b);
    }
    const smile = BlendshapeIndex.mouthSmileLeft;
    expect(a.blendshapes[smile]).toBeGreaterThan(0.5);
    expect(a.blendshapes[smile]).toBeCloseTo(b.blendshapes[smile]!, 1);
    expect(a.headPitch).toBeCloseTo(b.headPitch, 1);
    expect(worker.offThread).toBe(true);
    worker.dispose();
    main.dispose();
    expect(await worker.process(img, 400, a)).toBe(false);
  });

  it("passes the worker's 'model-missing' to the caller, also under thread 'auto'", async () => {
    const modelUrl = '/missing/in/worker/face_landmarker.task';
    const direct = await WorkerFaceProcessor.create({ wasmBaseUrl: WASM, modelUrl }).catch((e: unknown) => e);
    expect(direct).toBeInstanceOf(SenseError);
    expect((direct as SenseError).code).toBe('model-missing');
    expect((direct as SenseError).url).toBe(modelUrl);
    const auto = await createFaceProcessor({ wasmBaseUrl: WASM, modelUrl }, 'auto').catch((e: unknown) => e);
    expect((auto as SenseError).code).toBe('model-missing');
  });

  it.skipIf(!fixturesUrl)('falls back to the main thread when the worker cannot start', async () => {
    const broken = () => new Worker('data:text/javascript,throw new Error("blocked")', { type: 'module' });
    const options = { wasmBaseUrl: WASM, modelUrl: `${fixturesUrl}face_landmarker.task` };
    const processor = await createFaceProcessor(options, 'auto', broken);
    expect(processor.offThread).not.toBe(true);
    processor.dispose();
    const forced = await createFaceProcessor(options, 'worker', broken).catch((e: unknown) => e);
    expect((forced as SenseError).code).toBe('unsupported');
  });
});
