import { describe, expect, it } from 'vitest';
import { Resampler } from './Resampler';

const tone = (hz: number, rate: number, seconds: number) =>
  Float32Array.from({ length: Math.round(rate * seconds) }, (_, n) =>
    Math.sin((2 * Math.PI * hz * n) / rate),
  );

function rms(x: Float32Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i]! * x[i]!;
  return Math.sqrt(s / (to - from));
}

describe('Resampler', () => {
  it('keeps a 440 Hz tone through 22050 → 16000 Hz, sample-exactly in phase', () => {
    const out = Resampler.all(tone(440, 22050, 0.5), 22050, 16000);
    expect(out.length).toBe(8000);
    let worst = 0;
    for (let n = 200; n < 7800; n++)
      worst = Math.max(worst, Math.abs(out[n]! - Math.sin((2 * Math.PI * 440 * n) / 16000)));
    expect(worst).toBeLessThan(0.02);
  });

  it('removes content above the new Nyquist frequency (no aliasing)', () => {
    const out = Resampler.all(tone(11000, 48000, 0.5), 48000, 16000);
    expect(rms(out, 200, out.length - 200)).toBeLessThan(0.01);
  });

  it('gives the same samples in chunks as in one go', () => {
    const input = tone(300, 48000, 0.3);
    const whole = Resampler.all(input, 48000, 16000);
    const r = new Resampler(48000, 16000);
    const parts: number[] = [];
    for (let i = 0; i < input.length; i += 777) parts.push(...r.push(input.subarray(i, i + 777)));
    parts.push(...r.flush());
    expect(parts.length).toBe(whole.length);
    for (let i = 0; i < whole.length; i++) expect(parts[i]).toBeCloseTo(whole[i]!, 6);
  });
});
