import { describe, expect, it } from 'vitest';
import type { VisemeCue } from '../VisemeCue';
import { AudioVisemeStream, type FrameClassifier } from './AudioVisemeStream';
import { MEL_BANDS } from './logMel';
import { MODEL_CLASSES, MODEL_CONTEXT, MODEL_LOOKAHEAD } from './OnnxFrameClassifier';

/**
 * A stand-in for the ONNX model with the same shapes: output i answers for input frame i + 28 (its labelled
 * frame, 4 frames before the window's end) and says 'aa' when that frame is loud, else 'sil'.
 */
const loudnessStub: FrameClassifier = {
  classify(features, frames) {
    const outputs = frames - (MODEL_CONTEXT - 1);
    const logits = new Float32Array(outputs * MODEL_CLASSES);
    for (let i = 0; i < outputs; i++) {
      const row = (i + MODEL_CONTEXT - 1 - MODEL_LOOKAHEAD) * MEL_BANDS;
      let loudest = Number.NEGATIVE_INFINITY;
      for (let m = 0; m < MEL_BANDS; m++) loudest = Math.max(loudest, features[row + m]!);
      logits[i * MODEL_CLASSES + (loudest > 0 ? 10 : 0)] = 1;
    }
    return Promise.resolve(logits);
  },
};

/** 0.5 s silence, 0.3 s of a 220 Hz tone, 0.4 s silence. */
function toneBurst(rate: number): Float32Array {
  const pcm = new Float32Array(Math.round(1.2 * rate));
  for (let n = Math.round(0.5 * rate); n < Math.round(0.8 * rate); n++) {
    pcm[n] = 0.5 * Math.sin((2 * Math.PI * 220 * n) / rate);
  }
  return pcm;
}

async function run(rate: number, chunkSeconds: number): Promise<VisemeCue[]> {
  const stream = new AudioVisemeStream(loudnessStub, rate);
  const pcm = toneBurst(rate);
  const cues: VisemeCue[] = [];
  const chunk = Math.max(1, Math.round(chunkSeconds * rate));
  for (let i = 0; i < pcm.length; i += chunk) cues.push(...(await stream.push(pcm.subarray(i, i + chunk))));
  cues.push(...(await stream.end()));
  return cues;
}

describe('AudioVisemeStream', () => {
  it('puts the model output on the audio time of its labelled frame (look-ahead padding lines up)', async () => {
    const cues = await run(16000, 1.2);
    expect(cues).toHaveLength(1);
    expect(cues[0]!.viseme).toBe('aa');
    expect(Math.abs(cues[0]!.start - 0.5)).toBeLessThan(0.015);
    expect(Math.abs(cues[0]!.end - 0.8)).toBeLessThan(0.015);
  });

  it('gives the same cues at 48 kHz in small chunks as at 16 kHz in one go', async () => {
    const whole = await run(16000, 1.2);
    const chunked = await run(48000, 0.013);
    expect(chunked.map((c) => c.viseme)).toEqual(whole.map((c) => c.viseme));
    expect(Math.abs(chunked[0]!.start - whole[0]!.start)).toBeLessThanOrEqual(0.011);
    expect(Math.abs(chunked[0]!.end - whole[0]!.end)).toBeLessThanOrEqual(0.011);
  });

  it('without a model opens the mouth on loud audio only (fallback)', async () => {
    const stream = new AudioVisemeStream(null, 16000);
    const cues = [...(await stream.push(toneBurst(16000))), ...(await stream.end())];
    expect(cues.length).toBeGreaterThan(0);
    expect(cues.every((c) => c.viseme === 'aa' && c.start >= 0.48 && c.end <= 0.83)).toBe(true);
  });

  it('ignores audio after end()', async () => {
    const stream = new AudioVisemeStream(loudnessStub, 16000);
    await stream.push(toneBurst(16000));
    await stream.end();
    expect(await stream.push(toneBurst(16000))).toEqual([]);
    expect(await stream.end()).toEqual([]);
  });
});
