/** RTP clock rate of Opus audio (what LiveKit audio tracks carry), per second. */
export const OPUS_RTP_RATE = 48_000;

/** The part of an `RTCRtpReceiver` the track path reads. */
export interface SynchronizationSourceReader {
  getSynchronizationSources(): RTCRtpSynchronizationSource[];
}

/** What the mapping reads from the audio context (an `AudioContext`). */
export type PlayoutContext = Pick<BaseAudioContext, 'currentTime'> &
  Partial<Pick<AudioContext, 'outputLatency' | 'baseLatency' | 'getOutputTimestamp'>>;

/** Seconds between rendering a sample and hearing it: `outputLatency || baseLatency || 0`. */
export function outputLatencyOf(context: PlayoutContext): number {
  return context.outputLatency || context.baseLatency || 0;
}

/**
 * A synchronization source's `timestamp` as `performance.now()` time. The spec counts from `timeOrigin`; older
 * Chromium builds report wall-clock ms since 1970, recognised by their size.
 */
export function playoutPerfMs(timestamp: number): number {
  return timestamp > 1e12 ? timestamp - performance.timeOrigin : timestamp;
}

/**
 * The audio-clock time at which a frame delivered to a received track at `perfMs` (`performance.now()` time) is
 * rendered, so that it is heard `outputLatency` later — the same convention as samples scheduled with
 * `source.start(t)`. Uses `getOutputTimestamp()` (which pairs a heard context time with its performance time),
 * else `currentTime` against `nowMs`.
 */
export function contextTimeAtPlayout(
  context: PlayoutContext,
  perfMs: number,
  nowMs = performance.now(),
): number {
  const out = context.getOutputTimestamp?.();
  if (out?.contextTime !== undefined && out.performanceTime !== undefined && out.performanceTime > 0) {
    return out.contextTime + outputLatencyOf(context) + (perfMs - out.performanceTime) / 1000;
  }
  return context.currentTime + (perfMs - nowMs) / 1000;
}

/** `a - b` of two 32-bit RTP timestamps, across a wrap (negative when `a` is older). */
export function rtpDelta(a: number, b: number): number {
  return (a - b) | 0;
}
