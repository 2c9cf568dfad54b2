import type { Clock } from './Clock';

/**
 * The part of `AudioContext` the {@link AudioClock} reads (a structural type, so core needs no DOM types and
 * tests can pass a plain object). `outputLatency` is missing in some browsers (Safari); `baseLatency` then stands in.
 */
export interface AudioContextLike {
  readonly currentTime: number;
  readonly outputLatency?: number;
  readonly baseLatency?: number;
  /** `'running'` while audio plays; the output timestamp is used only then. */
  readonly state?: string;
  /** The sample the device is playing (`contextTime`) and when (`performanceTime`, `performance.now()` ms). */
  getOutputTimestamp?(): { contextTime?: number; performanceTime?: number };
}

/** The part of `performance` the clock reads. */
interface PerformanceLike {
  now(): number;
}

/** How far (s) the output timestamp may be from `currentTime - latency` and still be believed. */
const MAX_TIMESTAMP_SKEW = 0.075;

/**
 * The audio clock, on which speech is scheduled.
 *
 * The convention, used by every speech driver and the render loop:
 * - `now()` is `AudioContext.currentTime`: the time audio is being *scheduled and rendered* at. A buffer started
 *   with `source.start(t)` is rendered when `currentTime` reaches `t`.
 * - It is *heard* `outputLatency` seconds later (the device and OS buffers between the render thread and the
 *   speaker). So speech scheduled at audio time `t` is audible at `t + outputLatency`.
 * - Therefore, at render time, the mouth must show the viseme of audio time `currentTime - outputLatency`:
 *   that is {@link AudioClock.audibleTime} (alias {@link AudioClock.playoutTime}), the time the listener hears now.
 *   Pass it as the `time` of `Mixer.update` while speech plays.
 *
 * The latency is `outputLatency || baseLatency || 0`, read on every call (browsers refine it after starting).
 * While the context is suspended, `currentTime` and so this clock stand still.
 *
 * `currentTime` moves in whole audio callbacks (about 10-20 ms in Chromium), not smoothly: sampled at 60 frames
 * a second, `currentTime - latency` repeats a value in one frame and jumps two callbacks in the next, and runs
 * 0..one callback ahead of the sound. So while the context runs and `getOutputTimestamp()` gives the sample the
 * device plays and when, the audible time is that timestamp moved on by `performance.now()`: smooth, and what the
 * device reports. It is believed only near `currentTime - latency` (a stale or odd timestamp falls back to it).
 */
export class AudioClock implements Clock {
  /**
   * @param context - the `AudioContext` speech is played on (or anything shaped like it).
   * @param performanceClock - `performance`, the time base of output timestamps (tests pass their own).
   */
  constructor(
    readonly context: AudioContextLike,
    private readonly performanceClock: PerformanceLike | undefined = globalThis.performance,
  ) {}

  /** `currentTime`: the audio time being rendered now, in seconds. */
  now(): number {
    return this.context.currentTime;
  }

  /** Seconds between rendering a sample and hearing it: `outputLatency || baseLatency || 0`. */
  latency(): number {
    const c = this.context;
    return c.outputLatency || c.baseLatency || 0;
  }

  /**
   * The audio time the listener hears now: the device's output timestamp extrapolated to now when it has one,
   * else `currentTime - latency()`. Drive the mouth with this.
   */
  audibleTime(): number {
    const c = this.context;
    const stepped = c.currentTime - this.latency();
    if (c.state !== 'running' || !c.getOutputTimestamp || !this.performanceClock) return stepped;
    const { contextTime, performanceTime } = c.getOutputTimestamp();
    if (!contextTime || !performanceTime) return stepped;
    const smooth = contextTime + (this.performanceClock.now() - performanceTime) / 1000;
    return Math.abs(smooth - stepped) <= MAX_TIMESTAMP_SKEW ? Math.min(smooth, c.currentTime) : stepped;
  }

  /** Same as {@link AudioClock.audibleTime}: the audio time being played out of the speaker now. */
  playoutTime(): number {
    return this.audibleTime();
  }
}
