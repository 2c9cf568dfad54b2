import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createFaceSample } from '../FaceSample';
import { SenseError } from '../SenseError';
import { SentimentEstimator } from '../SentimentEstimator';
import { FaceTracker } from './FaceTracker';

/** The wasm folder of the installed @mediapipe/tasks-vision, served by the Vite test server. */
// Served by the test server from this package's own node_modules (no CDN).
const WASM = new URL('../../node_modules/@mediapipe/tasks-vision/wasm', import.meta.url).href;
const fixturesUrl = inject('fixturesUrl');

async function loadImage(url: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.src = url;
  await img.decode();
  return img;
}

/** Runs the still image through the tracker as a 1 s video at 10 fps; returns the estimator's final state. */
function senseStill(tracker: FaceTracker, image: TexImageSource) {
  const estimator = new SentimentEstimator();
  const sample = createFaceSample();
  let arrived = 0;
  estimator.on('arrived', () => arrived++);
  for (let t = 0; t <= 1000; t += 100) {
    tracker.process(image, t, sample);
    estimator.update(sample);
  }
  return { state: estimator.state, sample, arrived };
}

describe.skipIf(!fixturesUrl)('FaceTracker with the real model (fixtures: ../shared/fixtures)', () => {
  let tracker: FaceTracker;
  beforeAll(async () => {
    tracker = await FaceTracker.create({
      wasmBaseUrl: WASM,
      modelUrl: `${fixturesUrl}face_landmarker.task`,
      runningMode: 'VIDEO',
    });
  });
  afterAll(() => tracker?.dispose());

  it('reads the smiling photo as happy with a positive valence', async () => {
    const { state, sample, arrived } = senseStill(
      tracker,
      await loadImage(`${fixturesUrl}face_smile_astronaut.png`),
    );
    expect(sample.present).toBe(true);
    expect(state.presence).toBe(true);
    expect(arrived).toBe(1);
    expect(state.label).toBe('happy');
    expect(state.valence).toBeGreaterThan(0.5);
    expect(state.confidence).toBeGreaterThan(0.5);
    expect(state.attention).toBeGreaterThan(0.5);
  });

  it('keeps the neutral photo near neutral', async () => {
    const { state, sample } = senseStill(tracker, await loadImage(`${fixturesUrl}face_neutral_pexels.jpeg`));
    expect(sample.present).toBe(true);
    expect(state.presence).toBe(true);
    expect(state.label).toBe('neutral');
    expect(Math.abs(state.valence)).toBeLessThan(0.2);
    expect(state.arousal).toBeLessThan(0.2);
  });

  it('reports no presence on an image without a face', () => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 240;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#8899aa';
    ctx.fillRect(0, 0, 320, 240);
    const { state, sample, arrived } = senseStill(tracker, canvas);
    expect(sample.present).toBe(false);
    expect(state.presence).toBe(false);
    expect(arrived).toBe(0);
  });
});

describe('FaceTracker asset errors', () => {
  it("names the missing model URL with 'model-missing'", async () => {
    const modelUrl = '/no/such/dir/face_landmarker.task';
    const error = await FaceTracker.create({ wasmBaseUrl: WASM, modelUrl }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SenseError);
    expect((error as SenseError).code).toBe('model-missing');
    expect((error as SenseError).url).toBe(modelUrl);
    expect((error as SenseError).message).toContain(modelUrl);
  });

  it.skipIf(!fixturesUrl)("names the missing wasm file with 'wasm-missing'", async () => {
    const error = await FaceTracker.create({
      wasmBaseUrl: '/no/such/wasm/',
      modelUrl: `${fixturesUrl}face_landmarker.task`,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SenseError);
    expect((error as SenseError).code).toBe('wasm-missing');
    expect((error as SenseError).url).toMatch(/^\/no\/such\/wasm\/vision_wasm.*internal\.(js|wasm)$/);
  });
});
