import { waitForEvent } from '@digital-human/core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { CameraSense } from './CameraSense';
import type { FaceProcessor, FaceSample } from './FaceSample';
import { SenseError } from './SenseError';
import type { SentimentSummary } from './SentimentState';

// Served by the test server from this package's own node_modules (no CDN).
const WASM = new URL('../node_modules/@mediapipe/tasks-vision/wasm', import.meta.url).href;
const fixturesUrl = inject('fixturesUrl');

/** A processor that sees no face and remembers what it was given. */
class RecordingProcessor implements FaceProcessor {
  calls = 0;
  sources: TexImageSource[] = [];
  disposed = false;
  process(source: TexImageSource, timeMs: number, out: FaceSample): boolean {
    this.calls++;
    if (this.sources.length < 3) this.sources.push(source);
    out.timeMs = timeMs;
    out.present = false;
    return false;
  }
  dispose(): void {
    this.disposed = true;
  }
}

const realGetUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
let opened: MediaStream[] = [];
navigator.mediaDevices.getUserMedia = async (constraints) => {
  const stream = await realGetUserMedia(constraints);
  opened.push(stream);
  return stream;
};

afterEach(() => {
  for (const s of opened) for (const t of s.getTracks()) t.stop();
  opened = [];
});

describe('CameraSense', () => {
  it('is off by default and opens no camera until start()', async () => {
    const sense = new CameraSense({ createProcessor: async () => new RecordingProcessor() });
    await new Promise((r) => setTimeout(r, 50));
    expect(sense.status).toBe('off');
    expect(sense.active).toBe(false);
    expect(sense.sentiment).toBeNull();
    expect(opened).toHaveLength(0);
    sense.dispose();
  });

  it('turns the camera on with start() and every track off with stop()', async () => {
    const processor = new RecordingProcessor();
    const sense = new CameraSense({ createProcessor: async () => processor });
    const activity: boolean[] = [];
    sense.on('active', (on) => activity.push(on));
    await sense.start();
    expect(sense.active).toBe(true);
    const tracks = sense.stream!.getTracks();
    expect(tracks.map((t) => t.kind)).toEqual(['video']);
    expect(tracks[0]!.getSettings().width).toBeLessThanOrEqual(640);
    for (let i = 0; i < 3; i++) await waitForEvent(sense, 'sentiment', 3000);
    expect(processor.sources[0]).toBeInstanceOf(HTMLVideoElement);
    sense.stop();
    expect(tracks.every((t) => t.readyState === 'ended')).toBe(true);
    expect(sense.active).toBe(false);
    expect(sense.stream).toBeNull();
    expect(activity).toEqual([true, false]);
    const calls = processor.calls;
    await new Promise((r) => setTimeout(r, 200));
    expect(processor.calls).toBe(calls);
    sense.dispose();
    expect(processor.disposed).toBe(true);
  });

  it('never opens the camera when stop() comes while the model is still loading', async () => {
    let release: () => void = () => {};
    const loading = new Promise<void>((r) => {
      release = r;
    });
    const sense = new CameraSense({
      createProcessor: async () => {
        await loading;
        return new RecordingProcessor();
      },
    });
    const started = sense.start();
    expect(sense.status).toBe('starting');
    sense.stop();
    release();
    await started;
    expect(opened).toHaveLength(0);
    expect(sense.status).toBe('off');
    expect(sense.active).toBe(false);
    sense.dispose();
  });

  it("reports 'camera-denied' and runs without sentiment when the user refuses", async () => {
    const original = navigator.mediaDevices.getUserMedia;
    navigator.mediaDevices.getUserMedia = () =>
      Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    try {
      const sense = new CameraSense({ createProcessor: async () => new RecordingProcessor() });
      const summaries: SentimentSummary[] = [];
      sense.on('summary', (s) => summaries.push(s));
      const errorEvent = waitForEvent(sense, 'error');
      const error = await sense.start().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SenseError);
      expect((error as SenseError).code).toBe('camera-denied');
      expect((await errorEvent).code).toBe('camera-denied');
      expect(sense.status).toBe('unavailable');
      expect(sense.active).toBe(false);
      expect(sense.sentiment).toBeNull();
      expect(sense.stream).toBeNull();
      expect(summaries).toHaveLength(0);
      sense.stop();
      sense.dispose();
    } finally {
      navigator.mediaDevices.getUserMedia = original;
    }
  });

  it("fails with 'model-missing' before opening the camera when the model is not served", async () => {
    const sense = new CameraSense({
      tracker: { wasmBaseUrl: WASM, modelUrl: '/missing/face_landmarker.task' },
    });
    const error = await sense.start().catch((e: unknown) => e);
    expect((error as SenseError).code).toBe('model-missing');
    expect(opened).toHaveLength(0);
    sense.dispose();
  });

  it.skipIf(!fixturesUrl)(
    'tracks the fake camera with the real model in a worker: no face, no presence',
    async () => {
      const sense = new CameraSense({
        tracker: { wasmBaseUrl: WASM, modelUrl: `${fixturesUrl}face_landmarker.task` },
      });
      let arrived = 0;
      sense.on('arrived', () => arrived++);
      const summaries: SentimentSummary[] = [];
      sense.on('summary', (s) => summaries.push(s));
      await sense.start();
      for (let i = 0; i < 5; i++) await waitForEvent(sense, 'sentiment', 5000);
      expect(sense.offThread).toBe(true);
      expect(sense.sentiment?.presence).toBe(false);
      expect(arrived).toBe(0);
      expect(sense.rateInfo.fps).toBeLessThanOrEqual(15);
      // Only numbers and a label go out: no pixels, no landmarks.
      expect(summaries.length).toBeGreaterThan(0);
      expect(Object.keys(summaries[0]!).sort()).toEqual(
        ['arousal', 'attention', 'baseline', 'confidence', 'label', 'presence', 'timeMs', 'valence'].sort(),
      );
      sense.dispose();
    },
  );
});
