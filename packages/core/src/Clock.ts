/**
 * A source of time in seconds. Drivers and the mixer are given times from one clock, so everything a frame shows is
 * consistent: speech on the audio clock ({@link AudioClock}), tests on a {@link ManualClock}.
 */
export interface Clock {
  /** Current time in seconds. Monotonic (never decreases) for the clocks of this package. */
  now(): number;
}
