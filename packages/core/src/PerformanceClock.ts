import type { Clock } from './Clock';
import { DigitalHumanError } from './DigitalHumanError';

/** The part of `Performance` the {@link PerformanceClock} reads. */
export interface PerformanceLike {
  now(): number;
}

/**
 * Wall-clock time for animation that is not tied to audio (idle life when nothing speaks):
 * `performance.now()` converted to seconds, counted from the moment the clock was created.
 */
export class PerformanceClock implements Clock {
  private readonly performance: PerformanceLike;
  private readonly originMs: number;

  /** @param performance - the time source (default `globalThis.performance`); tests may pass their own. */
  constructor(performance: PerformanceLike | undefined = globalThis.performance) {
    if (!performance) throw DigitalHumanError.notSupported('PerformanceClock needs performance.now()');
    this.performance = performance;
    this.originMs = performance.now();
  }

  /** Seconds since this clock was created. */
  now(): number {
    return (this.performance.now() - this.originMs) / 1000;
  }
}
