/** Options of an {@link AdaptiveRate}. */
export interface AdaptiveRateOptions {
  /** Highest processing rate, frames per second (default 15). */
  maxFps?: number;
  /** Largest share of wall time spent processing, 0..1 (default 0.5: at most half a core). */
  maxBusy?: number;
}

/**
 * Paces frame processing: never faster than `maxFps`, and slower when processing is slow, so that it takes at
 * most `maxBusy` of the time. Frames the camera delivers in between are simply skipped.
 */
export class AdaptiveRate {
  private readonly minIntervalMs: number;
  private readonly maxBusy: number;
  private avgCostMs = 0;
  private samples = 0;

  constructor(options: AdaptiveRateOptions = {}) {
    this.minIntervalMs = 1000 / Math.max(0.1, options.maxFps ?? 15);
    this.maxBusy = Math.min(1, Math.max(0.05, options.maxBusy ?? 0.5));
  }

  /** Records how long one frame took to process, in ms. */
  record(costMs: number): void {
    this.samples++;
    // Fast start, then a slow average that ignores one-off hiccups.
    const k = this.samples < 5 ? 1 / this.samples : 0.1;
    this.avgCostMs += (costMs - this.avgCostMs) * k;
  }

  /** Current interval between processed frames, in ms. */
  get intervalMs(): number {
    return Math.max(this.minIntervalMs, this.avgCostMs / this.maxBusy);
  }

  /** Current processing rate, frames per second. */
  get fps(): number {
    return 1000 / this.intervalMs;
  }

  /** Average processing cost per frame, in ms. */
  get costMs(): number {
    return this.avgCostMs;
  }

  /** How long to wait before the next frame, given that the last one took `lastCostMs`. */
  delayMs(lastCostMs: number): number {
    return Math.max(0, this.intervalMs - lastCostMs);
  }

  /** Forgets the measured cost. */
  reset(): void {
    this.avgCostMs = 0;
    this.samples = 0;
  }
}
