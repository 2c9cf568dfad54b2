import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRAME_HOP, FRAME_LENGTH, frameCount, frameTime, LogMel, MEL_BANDS, melFilterbank } from './logMel';

const refPath = join(import.meta.dirname, '../../model/features.ref.json');
const ref = JSON.parse(readFileSync(refPath, 'utf8')) as { pcm: number[]; features: number[] };

describe('LogMel', () => {
  it('matches the numpy features of the training script on the committed reference audio (|diff| < 1e-4)', () => {
    const ours = new LogMel().all(ref.pcm);
    expect(ours.length).toBe(ref.features.length);
    expect(ours.length).toBe(frameCount(ref.pcm.length) * MEL_BANDS);
    let worst = 0;
    for (let i = 0; i < ours.length; i++) worst = Math.max(worst, Math.abs(ours[i]! - ref.features[i]!));
    expect(worst).toBeLessThan(1e-4);
    // the reference is speech, not silence: the features vary
    expect(Math.max(...ref.features) - Math.min(...ref.features)).toBeGreaterThan(5);
  });

  it('puts a 1 kHz tone in the band around 1 kHz', () => {
    const pcm = Float32Array.from({ length: 1600 }, (_, n) => Math.sin((2 * Math.PI * 1000 * n) / 16000));
    const out = new Float32Array(MEL_BANDS);
    new LogMel().frame(pcm, 0, out);
    const bank = melFilterbank();
    const bin = Math.round((1000 * 512) / 16000);
    let expected = 0;
    for (let m = 1; m < MEL_BANDS; m++) if (bank[m * 257 + bin]! > bank[expected * 257 + bin]!) expected = m;
    expect(out.indexOf(Math.max(...out))).toBe(expected);
  });

  it('counts frames and places them at their window centres', () => {
    expect(frameCount(FRAME_LENGTH - 1)).toBe(0);
    expect(frameCount(FRAME_LENGTH + FRAME_HOP)).toBe(2);
    expect(frameTime(0)).toBeCloseTo(0.0125, 9);
    expect(frameTime(10)).toBeCloseTo(0.1125, 9);
  });
});
