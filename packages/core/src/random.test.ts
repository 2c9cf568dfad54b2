import { describe, expect, it } from 'vitest';
import { createSeededRandom, mathRandom, randomRange } from './random';

function take(seed: number, n: number): number[] {
  const r = createSeededRandom(seed);
  return Array.from({ length: n }, () => r.next());
}

describe('createSeededRandom', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    expect(take(42, 50)).toEqual(take(42, 50));
    expect(take(42, 50)).not.toEqual(take(43, 50));
  });

  it('stays in [0, 1) and is roughly uniform', () => {
    const values = take(7, 20000);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
    const buckets = new Array<number>(10).fill(0);
    for (const v of values) buckets[Math.floor(v * 10)]!++;
    for (const b of buckets) expect(Math.abs(b - 2000)).toBeLessThan(200);
  });

  it('draws ranges', () => {
    const r = createSeededRandom(1);
    for (let i = 0; i < 1000; i++) {
      const v = randomRange(r, 2, 6);
      expect(v).toBeGreaterThanOrEqual(2);
      expect(v).toBeLessThan(6);
    }
    const m = mathRandom.next();
    expect(m >= 0 && m < 1).toBe(true);
  });
});
