// Browser-test helpers: read rendered pixels and compare regions. Not shipped.
import type { Camera, Object3D, WebGLRenderer } from 'three';
import { Vector3 } from 'three';

/** RGBA pixels of the drawing buffer, rows bottom-up as WebGL returns them. */
export interface Pixels {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Reads the default framebuffer; call right after a render, in the same task. */
export function readPixels(renderer: WebGLRenderer): Pixels {
  const gl = renderer.getContext();
  const width = gl.drawingBufferWidth;
  const height = gl.drawingBufferHeight;
  const data = new Uint8Array(width * height * 4);
  gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, data);
  return { width, height, data };
}

/** Where `object`'s world position lands in the drawing buffer (x right, y up, pixels). */
export function projectToPixels(object: Object3D, camera: Camera, pixels: Pixels): { x: number; y: number } {
  const p = object.getWorldPosition(new Vector3()).project(camera);
  return { x: ((p.x + 1) / 2) * pixels.width, y: ((p.y + 1) / 2) * pixels.height };
}

/** Pixels that differ by more than `threshold` (max channel difference) and the centroid of those. */
export function diff(a: Pixels, b: Pixels, threshold = 24): { count: number; x: number; y: number } {
  let count = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      const i = (y * a.width + x) * 4;
      let d = 0;
      for (let c = 0; c < 3; c++) d = Math.max(d, Math.abs((a.data[i + c] ?? 0) - (b.data[i + c] ?? 0)));
      if (d > threshold) {
        count++;
        sx += x;
        sy += y;
      }
    }
  }
  return { count, x: count ? sx / count : Number.NaN, y: count ? sy / count : Number.NaN };
}

/** Share of pixels in a square of half-size `r` around (cx, cy) that differ from the colour `bg`. */
export function coverage(p: Pixels, cx: number, cy: number, r: number, bg: [number, number, number]): number {
  let hit = 0;
  let all = 0;
  for (let y = Math.max(0, Math.round(cy - r)); y < Math.min(p.height, Math.round(cy + r)); y++) {
    for (let x = Math.max(0, Math.round(cx - r)); x < Math.min(p.width, Math.round(cx + r)); x++) {
      const i = (y * p.width + x) * 4;
      const d = Math.max(
        Math.abs((p.data[i] ?? 0) - bg[0]),
        Math.abs((p.data[i + 1] ?? 0) - bg[1]),
        Math.abs((p.data[i + 2] ?? 0) - bg[2]),
      );
      all++;
      if (d > 16) hit++;
    }
  }
  return all ? hit / all : 0;
}

/** Counts strongly green and strongly red pixels. */
export function greenRed(p: Pixels): { green: number; red: number } {
  let green = 0;
  let red = 0;
  for (let i = 0; i < p.data.length; i += 4) {
    const r = p.data[i] ?? 0;
    const g = p.data[i + 1] ?? 0;
    const b = p.data[i + 2] ?? 0;
    if (g > 40 && g > r * 2 && g > b * 2) green++;
    if (r > 40 && r > g * 2 && r > b * 2) red++;
  }
  return { green, red };
}

/**
 * With `VITE_AVATAR_SHOTS=1` in the environment, prints the canvas as a PNG data URL on a line starting with
 * `AVATAR_SHOT <name> ` so a person can extract and look at it (test/extract-shots.mjs); otherwise does nothing.
 * Screenshots never land in the repository.
 */
export function shot(name: string, canvas: HTMLCanvasElement): void {
  if (!import.meta.env.VITE_AVATAR_SHOTS) return;
  // biome-ignore lint/suspicious/noConsole: the test output is the channel for opt-in screenshots
  console.info(`AVATAR_SHOT ${name} ${canvas.toDataURL('image/png')}`);
}
