import type { Clock } from './Clock';

/**
 * The part of `AudioContext` the {@link AudioClock} reads (a structural type, so core needs no DOM types and
 * tests can pass a plain object). `outputLatency` is missing in some browsers (Safari); `baseLatency` then stands in.
 */
export interface AudioContextLike {
  readonly currentTime: number;
  readonly outputLatency?: number;
  readonly baseLatency?: number;
}

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
 */
export class AudioClock implements Clock {
  /** @param context - the `AudioContext` speech is played on (or anything shaped like it). */
  constructor(readonly context: AudioContextLike) {}

  /** `currentTime`: the audio time being rendered now, in seconds. */
  now(): number {
    return this.context.currentTime;
  }

  /** Seconds between rendering a sample and hearing it: `outputLatency || baseLatency || 0`. */
  latency(): number {
    const c = this.context;
    return c.outputLatency || c.baseLatency || 0;
  }

  /** The audio time the listener hears now: `currentTime - latency()`. Drive the mouth with this. */
  audibleTime(): number {
    return this.context.currentTime - this.latency();
  }

  /** Same as {@link AudioClock.audibleTime}: the audio time being played out of the speaker now. */
  playoutTime(): number {
    return this.audibleTime();
  }
}
