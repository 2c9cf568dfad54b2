import { ARKIT_COUNT } from '@digital-human/core';

/** Options of a {@link NeutralBaseline}. */
export interface NeutralBaselineOptions {
  /** How long to observe a newly arrived person before the baseline is fixed, in ms (default 3000). */
  durationMs?: number;
  /** Most samples kept (default 90: 6 s at 15 fps). Extra samples within `durationMs` are ignored. */
  maxSamples?: number;
  /** Fewest samples needed for a baseline (default 5); with fewer the estimator keeps the default rest. */
  minSamples?: number;
}

/**
 * A person's neutral face: the per-blendshape median of the first seconds of presence. Subtracting it removes
 * what is just the shape of someone's face (a mouth whose corners naturally turn down, low brows) from what they
 * express. Memory is preallocated; only {@link NeutralBaseline.add} runs per frame and it does not allocate.
 */
export class NeutralBaseline {
  /** The median weights, valid once {@link ready} is true. */
  readonly weights = new Float32Array(ARKIT_COUNT);
  private readonly samples: Float32Array;
  private readonly column: Float32Array;
  private readonly durationMs: number;
  private readonly maxSamples: number;
  private readonly minSamples: number;
  private count = 0;
  private startMs = -1;
  private done = false;

  constructor(options: NeutralBaselineOptions = {}) {
    this.durationMs = options.durationMs ?? 3000;
    this.maxSamples = Math.max(1, options.maxSamples ?? 90);
    this.minSamples = Math.max(1, Math.min(options.minSamples ?? 5, this.maxSamples));
    this.samples = new Float32Array(this.maxSamples * ARKIT_COUNT);
    this.column = new Float32Array(this.maxSamples);
  }

  /** True once the observation window has passed with enough samples. */
  get ready(): boolean {
    return this.done;
  }

  /** Number of samples collected so far. */
  get sampleCount(): number {
    return this.count;
  }

  /**
   * Offers one frame of a present face at `timeMs`. Frames with a strong expression should not be offered (the
   * estimator filters them). Returns true when this call fixed the baseline.
   */
  add(weights: Float32Array, timeMs: number): boolean {
    if (this.done) return false;
    if (this.startMs < 0) this.startMs = timeMs;
    if (this.count < this.maxSamples) {
      const offset = this.count * ARKIT_COUNT;
      for (let k = 0; k < ARKIT_COUNT; k++) this.samples[offset + k] = weights[k] ?? 0;
      this.count++;
    }
    if (timeMs - this.startMs < this.durationMs || this.count < this.minSamples) return false;
    this.computeMedian();
    this.done = true;
    return true;
  }

  /** Forgets the person (call when they leave): the next arrival measures a new baseline. */
  reset(): void {
    this.count = 0;
    this.startMs = -1;
    this.done = false;
    this.weights.fill(0);
  }

  private computeMedian(): void {
    const n = this.count;
    const col = this.column.subarray(0, n);
    for (let k = 0; k < ARKIT_COUNT; k++) {
      for (let s = 0; s < n; s++) col[s] = this.samples[s * ARKIT_COUNT + k] ?? 0;
      col.sort();
      const mid = n >> 1;
      this.weights[k] = n % 2 === 1 ? (col[mid] ?? 0) : ((col[mid - 1] ?? 0) + (col[mid] ?? 0)) * 0.5;
    }
  }
}
