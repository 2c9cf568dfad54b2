import type { Clock } from './Clock';
import { DigitalHumanError } from './DigitalHumanError';

/**
 * A clock that moves only when told: for tests and offline rendering (e.g. a deterministic 60 fps loop).
 *
 * ```ts
 * const clock = new ManualClock();
 * clock.advance(1 / 60); // 0.01666...
 * ```
 */
export class ManualClock implements Clock {
  private time: number;

  /** @param start - initial time in seconds (default 0). */
  constructor(start = 0) {
    this.time = checkFinite(start);
  }

  /** The time last set, in seconds. */
  now(): number {
    return this.time;
  }

  /** Sets the time, in seconds. Going backwards is allowed (to test clock resets). */
  set(time: number): void {
    this.time = checkFinite(time);
  }

  /** Moves the time forward by `dt` seconds (`dt >= 0`) and returns the new time. */
  advance(dt: number): number {
    if (!(dt >= 0) || !Number.isFinite(dt)) {
      throw DigitalHumanError.invalidArgument(`ManualClock.advance needs a finite dt >= 0, got ${dt}`);
    }
    this.time += dt;
    return this.time;
  }
}

function checkFinite(time: number): number {
  if (!Number.isFinite(time))
    throw DigitalHumanError.invalidArgument(`ManualClock time must be finite, got ${time}`);
  return time;
}
