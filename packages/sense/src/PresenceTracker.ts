/** What {@link PresenceTracker.update} observed: a person arrived, left, or nothing changed. */
export type PresenceChange = 'arrived' | 'left' | null;

/** Options of a {@link PresenceTracker}. */
export interface PresenceTrackerOptions {
  /** A face must be seen continuously this long before the person counts as arrived, in ms (default 300). */
  arriveMs?: number;
  /** A face must be missing continuously this long before the person counts as gone, in ms (default 1500). */
  leaveMs?: number;
}

/**
 * Presence with hysteresis: a passer-by glimpsed for one frame does not wake the greeter, and a customer who looks
 * down at their phone for a second does not send it back to sleep.
 */
export class PresenceTracker {
  private readonly arriveMs: number;
  private readonly leaveMs: number;
  private present = false;
  /** Start of the current run of frames that disagree with `present`, or -1. */
  private pendingSinceMs = -1;

  constructor(options: PresenceTrackerOptions = {}) {
    this.arriveMs = Math.max(0, options.arriveMs ?? 300);
    this.leaveMs = Math.max(0, options.leaveMs ?? 1500);
  }

  /** Whether a person is considered present. */
  get isPresent(): boolean {
    return this.present;
  }

  /** Feeds one frame: whether a face was detected at `timeMs`. Returns the change it caused, if any. */
  update(faceDetected: boolean, timeMs: number): PresenceChange {
    if (faceDetected === this.present) {
      this.pendingSinceMs = -1;
      return null;
    }
    if (this.pendingSinceMs < 0) this.pendingSinceMs = timeMs;
    const needed = faceDetected ? this.arriveMs : this.leaveMs;
    if (timeMs - this.pendingSinceMs < needed) return null;
    this.present = faceDetected;
    this.pendingSinceMs = -1;
    return faceDetected ? 'arrived' : 'left';
  }

  /** Forces "nobody here" without reporting a change (the camera stopped). Returns true when someone was present. */
  reset(): boolean {
    const was = this.present;
    this.present = false;
    this.pendingSinceMs = -1;
    return was;
  }
}
