/**
 * The audio model's input features: log-mel energies, 40 bands, 25 ms Hann window, 10 ms hop, 16 kHz audio.
 * The training script (`packages/lipsync/model/train.py`) computes exactly the same numbers in numpy; the unit
 * test checks both on a committed reference vector. Computed in float64 so the two agree to ~1e-9.
 */

/** Sample rate the features (and the model) expect. */
export const FEATURE_SAMPLE_RATE = 16000;
/** Window length in samples (25 ms). */
export const FRAME_LENGTH = 400;
/** Hop in samples (10 ms). */
export const FRAME_HOP = 160;
/** FFT size. */
export const FFT_SIZE = 512;
/** Number of mel bands. */
export const MEL_BANDS = 40;
/** Lowest and highest band edge, Hz. */
export const MEL_LOW_HZ = 20;
export const MEL_HIGH_HZ = 7600;
/** Added to the mel power before the log (keeps digital silence finite). */
export const LOG_FLOOR = 1e-5;

const BINS = FFT_SIZE / 2 + 1;

const hzToMel = (hz: number) => 2595 * Math.log10(1 + hz / 700);
const melToHz = (mel: number) => 700 * (10 ** (mel / 2595) - 1);

/** Triangular mel filters (HTK mel scale), `MEL_BANDS × BINS`, row-major. */
export function melFilterbank(): Float64Array {
  const low = hzToMel(MEL_LOW_HZ);
  const high = hzToMel(MEL_HIGH_HZ);
  const edges = new Float64Array(MEL_BANDS + 2);
  for (let i = 0; i < edges.length; i++) edges[i] = melToHz(low + ((high - low) * i) / (MEL_BANDS + 1));
  const bank = new Float64Array(MEL_BANDS * BINS);
  for (let m = 0; m < MEL_BANDS; m++) {
    const a = edges[m]!;
    const b = edges[m + 1]!;
    const c = edges[m + 2]!;
    for (let k = 0; k < BINS; k++) {
      const f = (k * FEATURE_SAMPLE_RATE) / FFT_SIZE;
      const w = Math.min((f - a) / (b - a), (c - f) / (c - b));
      bank[m * BINS + k] = Math.max(w, 0);
    }
  }
  return bank;
}

/** Symmetric Hann window of {@link FRAME_LENGTH}. */
export function hannWindow(): Float64Array {
  const w = new Float64Array(FRAME_LENGTH);
  for (let n = 0; n < FRAME_LENGTH; n++) w[n] = 0.5 - 0.5 * Math.cos((2 * Math.PI * n) / (FRAME_LENGTH - 1));
  return w;
}

/** Number of whole frames in `samples` samples. */
export function frameCount(samples: number): number {
  return samples < FRAME_LENGTH ? 0 : Math.floor((samples - FRAME_LENGTH) / FRAME_HOP) + 1;
}

/** Audio time (s) of the centre of frame `i`. */
export function frameTime(i: number): number {
  return (i * FRAME_HOP + FRAME_LENGTH / 2) / FEATURE_SAMPLE_RATE;
}

/**
 * Computes log-mel frames one at a time without allocating: a radix-2 FFT on preallocated float64 buffers.
 */
export class LogMel {
  private readonly window = hannWindow();
  private readonly bank = melFilterbank();
  private readonly re = new Float64Array(FFT_SIZE);
  private readonly im = new Float64Array(FFT_SIZE);
  private readonly power = new Float64Array(BINS);
  private readonly cos = new Float64Array(FFT_SIZE / 2);
  private readonly sin = new Float64Array(FFT_SIZE / 2);
  private readonly reversed = new Uint16Array(FFT_SIZE);

  constructor() {
    const bits = Math.log2(FFT_SIZE);
    for (let i = 0; i < FFT_SIZE; i++) {
      let r = 0;
      for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
      this.reversed[i] = r;
    }
    for (let i = 0; i < FFT_SIZE / 2; i++) {
      this.cos[i] = Math.cos((2 * Math.PI * i) / FFT_SIZE);
      this.sin[i] = -Math.sin((2 * Math.PI * i) / FFT_SIZE);
    }
  }

  /** Writes the {@link MEL_BANDS} features of the frame starting at `pcm[start]` into `out[outOffset…]`. */
  frame(pcm: ArrayLike<number>, start: number, out: Float32Array, outOffset = 0): void {
    const { re, im, window, reversed } = this;
    re.fill(0);
    im.fill(0);
    for (let n = 0; n < FRAME_LENGTH; n++) re[reversed[n]!] = (pcm[start + n] ?? 0) * window[n]!;
    this.fft();
    for (let k = 0; k < BINS; k++) this.power[k] = re[k]! * re[k]! + im[k]! * im[k]!;
    for (let m = 0; m < MEL_BANDS; m++) {
      let sum = 0;
      const row = m * BINS;
      for (let k = 0; k < BINS; k++) sum += this.bank[row + k]! * this.power[k]!;
      out[outOffset + m] = Math.log(sum + LOG_FLOOR);
    }
  }

  /** All frames of `pcm` (16 kHz), `frameCount × MEL_BANDS`, row-major. */
  all(pcm: ArrayLike<number>): Float32Array {
    const frames = frameCount(pcm.length);
    const out = new Float32Array(frames * MEL_BANDS);
    for (let i = 0; i < frames; i++) this.frame(pcm, i * FRAME_HOP, out, i * MEL_BANDS);
    return out;
  }

  /** In-place iterative FFT of bit-reversed `re`/`im`. */
  private fft(): void {
    const { re, im, cos, sin } = this;
    for (let size = 2; size <= FFT_SIZE; size *= 2) {
      const half = size / 2;
      const step = FFT_SIZE / size;
      for (let start = 0; start < FFT_SIZE; start += size) {
        for (let j = 0; j < half; j++) {
          const wr = cos[j * step]!;
          const wi = sin[j * step]!;
          const a = start + j;
          const b = a + half;
          const tr = re[b]! * wr - im[b]! * wi;
          const ti = re[b]! * wi + im[b]! * wr;
          re[b] = re[a]! - tr;
          im[b] = im[a]! - ti;
          re[a] = re[a]! + tr;
          im[a] = im[a]! + ti;
        }
      }
    }
  }
}
