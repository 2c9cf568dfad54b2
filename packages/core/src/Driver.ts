import type { FaceFrame } from './FaceFrame';

/**
 * The parts of a face a driver can claim. The mixer resolves each channel separately: the highest-priority driver
 * that claims a channel this frame owns it, and a change of owner crossfades.
 */
export const Channel = {
  mouth: 1,
  emotion: 2,
  blink: 4,
  gaze: 8,
  head: 16,
  breath: 32,
  arkit: 64,
} as const;
/** One channel bit. */
export type Channel = (typeof Channel)[keyof typeof Channel];
/** All channels. */
export const ALL_CHANNELS = 127;

/**
 * A source of face motion (speech, emotion, operator puppet, idle life). Drivers never touch three.js.
 * `update` writes only the channels it returns; it must not allocate.
 */
export interface Driver {
  /** Stable name, for events and debugging. */
  readonly name: string;
  /** Higher wins a channel. Idle is lowest. */
  readonly priority: number;
  /**
   * Advances to `time` (seconds, on the clock the mixer is given) and writes this driver's pose into `out`,
   * which the mixer has reset to neutral. Returns the bitmask of channels written this frame (0 = inactive).
   */
  update(time: number, dt: number, out: FaceFrame): number;
  /** Releases timers and listeners. */
  dispose?(): void;
}

/**
 * Whatever produces one `FaceFrame` per rendered frame (the `Mixer` does). The avatar's render loop pulls from it:
 * `update` is called once per frame with the clock time in seconds and the step since the last call.
 * The returned frame is owned by the source and reused: read it, never keep it.
 */
export interface FrameSource {
  update(time: number, dt: number): FaceFrame;
}
