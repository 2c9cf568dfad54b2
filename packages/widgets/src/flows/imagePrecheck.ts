/** The pixels of an image: the shape of the DOM `ImageData` (RGBA, row-major), usable without a DOM. */
export interface ImagePixels {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

/** What is known about an uploaded file before its pixels are read. */
export interface UploadMeta {
  readonly name: string;
  /** MIME type, e.g. `image/jpeg`. */
  readonly type: string;
  /** Bytes. */
  readonly size: number;
}

/** Limits of the materials pre-check. */
export interface PrecheckLimits {
  readonly types: readonly string[];
  readonly maxBytes: number;
  readonly minWidth: number;
  readonly minHeight: number;
  /** Below this variance of the Laplacian (gray levels², on the downscaled image) the photo counts as blurred. */
  readonly minSharpness: number;
  /** Width the image is reduced to before measuring sharpness (keeps the measure comparable across sizes). */
  readonly analysisWidth: number;
}

/** Defaults for ID-card and income-proof photos. */
export const DEFAULT_PRECHECK_LIMITS: PrecheckLimits = {
  types: ['image/jpeg', 'image/png', 'image/webp'],
  maxBytes: 10 * 1024 * 1024,
  minWidth: 640,
  minHeight: 400,
  minSharpness: 60,
  analysisWidth: 320,
};

/** One reason a photo was refused. */
export type PrecheckProblem = 'type' | 'size' | 'resolution' | 'blur';

/** The result of a pre-check. */
export interface PrecheckResult {
  readonly ok: boolean;
  readonly problems: readonly PrecheckProblem[];
  /** Variance of the Laplacian, when pixels were given. */
  readonly sharpness: number | undefined;
}

/**
 * Reduces RGBA pixels to gray (Rec. 601 luma) at `targetWidth` by box averaging; returns the gray plane and its size.
 * Images narrower than `targetWidth` keep their size.
 */
export function downscaleGray(
  image: ImagePixels,
  targetWidth: number,
): { gray: Float32Array; w: number; h: number } {
  const scale = Math.max(1, image.width / targetWidth);
  const w = Math.max(1, Math.floor(image.width / scale));
  const h = Math.max(1, Math.floor(image.height / scale));
  const gray = new Float32Array(w * h);
  const count = new Float32Array(w * h);
  const { data, width, height } = image;
  for (let y = 0; y < height; y++) {
    const gy = Math.min(h - 1, Math.floor(y / scale));
    for (let x = 0; x < width; x++) {
      const gx = Math.min(w - 1, Math.floor(x / scale));
      const i = (y * width + x) * 4;
      const luma = 0.299 * (data[i] ?? 0) + 0.587 * (data[i + 1] ?? 0) + 0.114 * (data[i + 2] ?? 0);
      gray[gy * w + gx] = (gray[gy * w + gx] ?? 0) + luma;
      count[gy * w + gx] = (count[gy * w + gx] ?? 0) + 1;
    }
  }
  for (let i = 0; i < gray.length; i++) gray[i] = (gray[i] ?? 0) / (count[i] || 1);
  return { gray, w, h };
}

/**
 * Sharpness as the variance of the 4-neighbour Laplacian over a downscaled grayscale copy: sharp edges give large
 * second derivatives, a blurred photo gives small ones. Returns 0 for images smaller than 3×3.
 */
export function laplacianVariance(
  image: ImagePixels,
  analysisWidth = DEFAULT_PRECHECK_LIMITS.analysisWidth,
): number {
  const { gray, w, h } = downscaleGray(image, analysisWidth);
  if (w < 3 || h < 3) return 0;
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const c = y * w + x;
      const lap =
        (gray[c - 1] ?? 0) +
        (gray[c + 1] ?? 0) +
        (gray[c - w] ?? 0) +
        (gray[c + w] ?? 0) -
        4 * (gray[c] ?? 0);
      sum += lap;
      sumSq += lap * lap;
      n++;
    }
  }
  const mean = sum / n;
  return sumSq / n - mean * mean;
}

/** Checks an uploaded photo: file type, byte size, and with pixels also resolution and blur. */
export function precheckImage(
  meta: UploadMeta,
  pixels: ImagePixels | undefined,
  limits: PrecheckLimits = DEFAULT_PRECHECK_LIMITS,
): PrecheckResult {
  const problems: PrecheckProblem[] = [];
  if (!limits.types.includes(meta.type)) problems.push('type');
  if (meta.size > limits.maxBytes || meta.size <= 0) problems.push('size');
  let sharpness: number | undefined;
  if (pixels) {
    if (pixels.width < limits.minWidth || pixels.height < limits.minHeight) problems.push('resolution');
    sharpness = laplacianVariance(pixels, limits.analysisWidth);
    if (sharpness < limits.minSharpness) problems.push('blur');
  }
  return { ok: problems.length === 0 && pixels !== undefined, problems, sharpness };
}
