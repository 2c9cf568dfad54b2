import type { ImagePixels } from '../flows/imagePrecheck';

/** Largest side the pixels are read at (well above the resolution minimum; bounds memory on phones). */
const MAX_SIDE = 1600;

/**
 * Decodes an image file on the device and returns its pixels, downscaled to at most 1600 px a side, or undefined
 * when it cannot be decoded. Nothing leaves the device.
 */
export async function readPixels(file: Blob): Promise<ImagePixels | undefined> {
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) return undefined;
    ctx.drawImage(bitmap, 0, 0, width, height);
    bitmap.close();
    return { width, height, data: ctx.getImageData(0, 0, width, height).data };
  } catch {
    return undefined;
  }
}
