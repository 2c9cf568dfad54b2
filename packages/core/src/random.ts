/** A source of uniform random numbers. Pass a seeded one for deterministic animation and tests. */
export interface Random {
  /** A number in [0, 1). */
  next(): number;
}

/**
 * A small, fast, seeded generator (mulberry32: 32-bit state, period 2^32), good enough for animation jitter.
 * The same seed always gives the same sequence.
 *
 * @param seed - any number; it is truncated to 32 bits.
 */
export function createSeededRandom(seed: number): Random {
  let state = seed | 0;
  return {
    next(): number {
      state = (state + 0x6d2b79f5) | 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 15), z | 1);
      z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
      return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** `Math.random` as a {@link Random}: not reproducible; the default where determinism does not matter. */
export const mathRandom: Random = {
  next: () => Math.random(),
};

/** A uniform number in [min, max) drawn from `random`. */
export function randomRange(random: Random, min: number, max: number): number {
  return min + (max - min) * random.next();
}
