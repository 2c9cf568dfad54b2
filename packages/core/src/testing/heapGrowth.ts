// Heap-growth measurement for the allocation tests (Node only; not part of the package build).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** V8's `gc()`, exposed at run time, or null where the flag cannot be set (the allocation tests then skip). */
export function enableGc(): (() => void) | null {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return null;
  }
}

/** How a {@link bytesPerStep} measurement runs. */
export interface HeapGrowthOptions {
  /** Steps run first, so that V8 has optimised the code (default 20 000). */
  readonly warmup?: number;
  /**
   * Steps per measurement (default 1000): few enough that even a control's garbage fits the young generation, since
   * a scavenge during the measurement would hide the growth.
   */
  readonly frames?: number;
  /** Measurements, the least kept (default 5). */
  readonly reps?: number;
}

/**
 * Heap bytes per call of `step(n)` (n counts on from 0 across the warm-up and every measurement), the least of
 * `reps` measurements after the warm-up, with GC forced before each.
 */
export function bytesPerStep(
  gc: () => void,
  step: (n: number) => void,
  options: HeapGrowthOptions = {},
): number {
  const { warmup = 20_000, frames = 1000, reps = 5 } = options;
  let n = 0;
  for (; n < warmup; n++) step(n);
  let best = Number.POSITIVE_INFINITY;
  for (let rep = 0; rep < reps; rep++) {
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < frames; i++) step(n++);
    best = Math.min(best, (process.memoryUsage().heapUsed - before) / frames);
  }
  return best;
}
