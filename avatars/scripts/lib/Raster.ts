import { encodePng } from './encodePng';

/** A linear RGBA colour, every channel 0..1. */
export type Rgba = readonly [number, number, number, number];

/** Builds an opaque colour from a `#rrggbb` string. */
export function hex(value: string, alpha = 1): Rgba {
  const n = Number.parseInt(value.slice(1), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255, alpha];
}

/** Linear interpolation between two colours. */
export function mixRgba(a: Rgba, b: Rgba, t: number): Rgba {
  const k = Math.min(1, Math.max(0, t));
  return [
    a[0] + (b[0] - a[0]) * k,
    a[1] + (b[1] - a[1]) * k,
    a[2] + (b[2] - a[2]) * k,
    a[3] + (b[3] - a[3]) * k,
  ];
}

/** Hermite smoothstep. */
export function smoothstep(edge0: number, edge1: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - edge0) / (edge1 - edge0)));
  return t * t * (3 - 2 * t);
}

/** Deterministic value noise in [0, 1) from integer lattice hashing (no Math.random). */
export function hashNoise(x: number, y: number, seed = 0): number {
  let h = (Math.imul(x | 0, 374761393) + Math.imul(y | 0, 668265263) + Math.imul(seed, 2147483647)) | 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

/** Smooth value noise at a real coordinate; with `periodX` it repeats along x (for textures wrapping round). */
export function valueNoise(x: number, y: number, seed = 0, periodX = 0): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = smoothstep(0, 1, x - x0);
  const fy = smoothstep(0, 1, y - y0);
  const wrap = (i: number) => (periodX > 0 ? ((i % periodX) + periodX) % periodX : i);
  const [xa, xb] = [wrap(x0), wrap(x0 + 1)];
  const a = hashNoise(xa, y0, seed) + (hashNoise(xb, y0, seed) - hashNoise(xa, y0, seed)) * fx;
  const b = hashNoise(xa, y0 + 1, seed) + (hashNoise(xb, y0 + 1, seed) - hashNoise(xa, y0 + 1, seed)) * fx;
  return a + (b - a) * fy;
}

/** A function giving the colour of a texel from its UV centre (u right, v down, both 0..1). */
export type Painter = (u: number, v: number) => Rgba;

/**
 * An RGBA8 image painted procedurally: each texel is the average of a 2x2 supersample of a painter function,
 * then encoded to PNG. Colours are given in sRGB space (what the texture stores).
 */
export class Raster {
  readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height * 4);
  }

  /** Paints every texel with the painter, 2x2 supersampled unless `supersample` is false. */
  paint(painter: Painter, supersample = true): this {
    const { width, height, pixels } = this;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let r = 0;
        let g = 0;
        let b = 0;
        let a = 0;
        const samples = supersample ? 4 : 1;
        for (let s = 0; s < samples; s++) {
          const [dx, dy] = supersample ? [0.25 + (s & 1) * 0.5, 0.25 + (s >> 1) * 0.5] : [0.5, 0.5];
          const c = painter((x + dx) / width, (y + dy) / height);
          r += c[0];
          g += c[1];
          b += c[2];
          a += c[3];
        }
        const i = (y * width + x) * 4;
        pixels[i] = Math.round(Math.min(1, Math.max(0, r / samples)) * 255);
        pixels[i + 1] = Math.round(Math.min(1, Math.max(0, g / samples)) * 255);
        pixels[i + 2] = Math.round(Math.min(1, Math.max(0, b / samples)) * 255);
        pixels[i + 3] = Math.round(Math.min(1, Math.max(0, a / samples)) * 255);
      }
    }
    return this;
  }

  /** The PNG file bytes. */
  toPng(): Buffer {
    return encodePng(this.width, this.height, this.pixels);
  }
}
