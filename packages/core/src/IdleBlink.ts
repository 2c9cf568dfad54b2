import { easeInOut } from './channelOps';
import { type Random, randomRange } from './random';

/** Lid closing time, seconds. */
export const BLINK_CLOSE = 0.06;
/** Time the lids stay shut, seconds. */
export const BLINK_HOLD = 0.04;
/** Lid opening time, seconds (opening is slower than closing). */
export const BLINK_OPEN = 0.12;
/** Whole blink, seconds. */
export const BLINK_DURATION = BLINK_CLOSE + BLINK_HOLD + BLINK_OPEN;

/** Timing of {@link IdleBlink}. */
export interface IdleBlinkTiming {
  /** Seconds between blinks, drawn uniformly in [min, max]. */
  readonly minInterval: number;
  readonly maxInterval: number;
  /** Chance that a blink is followed by a second one right after (0..1). */
  readonly doubleChance: number;
}

/**
 * Spontaneous blinking, driven by time: a blink every `minInterval..maxInterval` seconds, shaped
 * close (60 ms) / hold (40 ms) / open (120 ms), sometimes doubled. Every blink shows at least one fully closed frame,
 * even at low frame rates. Deterministic for a given `Random` and sequence of times. Part of `IdleDriver`.
 */
export class IdleBlink {
  private next = Number.NaN;
  private start = -1;
  private last = Number.NEGATIVE_INFINITY;
  private remaining = 0;
  private shownClosed = false;

  constructor(
    private readonly random: Random,
    private readonly timing: IdleBlinkTiming,
  ) {}

  /** Lid closure (0 open .. 1 shut) at `time`, seconds. */
  update(time: number): number {
    if (Number.isNaN(this.next) || time < this.last) this.restart(time);
    this.last = time;
    if (this.start < 0) {
      if (time < this.next) return 0;
      this.start = time - this.next < BLINK_DURATION ? this.next : time;
      this.shownClosed = false;
    }
    const t = time - this.start;
    if (t >= BLINK_CLOSE && !this.shownClosed) {
      this.shownClosed = true;
      return 1;
    }
    if (t >= BLINK_DURATION) {
      this.finish(time);
      return 0;
    }
    if (t < BLINK_CLOSE) return easeInOut(t / BLINK_CLOSE);
    if (t < BLINK_CLOSE + BLINK_HOLD) return 1;
    return 1 - easeInOut((t - BLINK_CLOSE - BLINK_HOLD) / BLINK_OPEN);
  }

  /** Forgets the current blink and schedules the next one from `time`. */
  restart(time: number): void {
    this.start = -1;
    this.remaining = 0;
    this.scheduleSeries(time);
  }

  private finish(time: number): void {
    this.start = -1;
    if (this.remaining > 0) {
      this.remaining--;
      this.next = time + randomRange(this.random, 0.04, 0.1);
    } else {
      this.scheduleSeries(time);
    }
  }

  private scheduleSeries(time: number): void {
    this.next = time + randomRange(this.random, this.timing.minInterval, this.timing.maxInterval);
    this.remaining = this.random.next() < this.timing.doubleChance ? 1 : 0;
  }
}
