import { describe, expect, it } from 'vitest';
import { type ImagePixels, laplacianVariance, precheckImage } from './imagePrecheck';

/** Text-like synthetic document: dark strokes on light paper, seeded. */
function documentImage(w: number, h: number): ImagePixels {
  const data = new Uint8ClampedArray(w * h * 4);
  let seed = 7;
  const rnd = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const ink = new Uint8Array(w * h);
  for (let i = 0; i < 400; i++) {
    const x0 = Math.floor(rnd() * (w - 40));
    const y0 = Math.floor(rnd() * (h - 8));
    for (let y = y0; y < y0 + 4; y++) for (let x = x0; x < x0 + 30; x++) ink[y * w + x] = 1;
  }
  for (let i = 0; i < w * h; i++) {
    const v = ink[i] ? 30 : 225;
    data.set([v, v, v, 255], i * 4);
  }
  return { width: w, height: h, data };
}

/** Separable box blur of radius r, applied twice (close to a Gaussian). */
function blur(img: ImagePixels, r: number): ImagePixels {
  let src = img.data;
  const { width: w, height: h } = img;
  for (let pass = 0; pass < 4; pass++) {
    const out = new Uint8ClampedArray(src.length);
    const horizontal = pass % 2 === 0;
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++)
        for (let c = 0; c < 4; c++) {
          let sum = 0;
          let n = 0;
          for (let k = -r; k <= r; k++) {
            const xx = horizontal ? x + k : x;
            const yy = horizontal ? y : y + k;
            if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
            sum += src[(yy * w + xx) * 4 + c] ?? 0;
            n++;
          }
          out[(y * w + x) * 4 + c] = sum / n;
        }
    src = out;
  }
  return { width: w, height: h, data: src };
}

describe('image pre-check', () => {
  const sharp = documentImage(960, 600);
  const blurred = blur(sharp, 6);

  it('the Laplacian variance separates a sharp photo from its blurred copy', () => {
    const a = laplacianVariance(sharp);
    const b = laplacianVariance(blurred);
    expect(a).toBeGreaterThan(10 * b);
    expect(precheckImage({ name: 'id.jpg', type: 'image/jpeg', size: 300_000 }, sharp)).toMatchObject({
      ok: true,
      problems: [],
    });
    expect(precheckImage({ name: 'id.jpg', type: 'image/jpeg', size: 300_000 }, blurred).problems).toEqual([
      'blur',
    ]);
  });

  it('a flat image has zero sharpness; type, size and resolution are checked', () => {
    const flat = { width: 10, height: 10, data: new Uint8ClampedArray(400).fill(128) };
    expect(laplacianVariance(flat)).toBe(0);
    const r = precheckImage({ name: 'a.pdf', type: 'application/pdf', size: 20e6 }, flat);
    expect(r.problems).toEqual(['type', 'size', 'resolution', 'blur']);
    expect(precheckImage({ name: 'a.png', type: 'image/png', size: 1 }, undefined).ok).toBe(false);
  });
});
