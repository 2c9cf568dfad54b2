/** Why the render loop is paused; several can hold at once and the loop runs only when none does. */
export type PauseReason = 'hidden' | 'offscreen' | 'contextlost' | 'manual';

/** Longest step handed to the frame, seconds: after a stall, physics (spring bones) must not jump. */
const MAX_STEP = 0.1;

/** Callbacks of a {@link RenderLoop}. */
export interface RenderLoopCallbacks {
  /** One frame: `time` and `dt` in seconds. */
  frame(time: number, dt: number): void;
  /** The first pause reason arrived (the loop stopped). */
  paused(reason: PauseReason): void;
  /** The last pause reason went away (the loop runs again). */
  resumed(reason: PauseReason): void;
}

/**
 * A `requestAnimationFrame` loop with an optional frame-rate cap and a set of pause reasons.
 * It receives callbacks and holds nothing else, so the view that owns it stays in charge.
 */
export class RenderLoop {
  private readonly reasons = new Set<PauseReason>();
  private handle = 0;
  private lastTime = -1;
  private started = false;
  private minInterval = 0;

  constructor(private readonly callbacks: RenderLoopCallbacks) {}

  /** Whether frames are being scheduled. */
  get running(): boolean {
    return this.handle !== 0;
  }

  /** Current pause reasons. */
  get pauseReasons(): ReadonlySet<PauseReason> {
    return this.reasons;
  }

  /** Caps the frame rate (0 = no cap). */
  setMaxFps(fps: number): void {
    this.minInterval = fps > 0 ? 1000 / fps : 0;
  }

  /** Starts scheduling frames (unless paused). */
  start(): void {
    this.started = true;
    this.schedule();
  }

  /** Stops for good until `start` is called again. */
  stop(): void {
    this.started = false;
    this.cancel();
  }

  /** Adds a pause reason; returns false if it was already there. */
  pause(reason: PauseReason): boolean {
    if (this.reasons.has(reason)) return false;
    this.reasons.add(reason);
    if (this.reasons.size === 1) {
      this.cancel();
      this.callbacks.paused(reason);
    }
    return true;
  }

  /** Removes a pause reason; the loop runs again when none is left. */
  resume(reason: PauseReason): boolean {
    if (!this.reasons.delete(reason)) return false;
    if (this.reasons.size === 0) {
      this.callbacks.resumed(reason);
      this.schedule();
    }
    return true;
  }

  private schedule(): void {
    if (!this.started || this.handle !== 0 || this.reasons.size > 0) return;
    this.lastTime = -1;
    this.handle = requestAnimationFrame(this.onFrame);
  }

  private cancel(): void {
    if (this.handle !== 0) cancelAnimationFrame(this.handle);
    this.handle = 0;
  }

  private readonly onFrame = (now: number): void => {
    this.handle = requestAnimationFrame(this.onFrame);
    if (this.lastTime >= 0 && now - this.lastTime < this.minInterval - 1) return;
    const dt = this.lastTime < 0 ? 0 : Math.min((now - this.lastTime) / 1000, MAX_STEP);
    this.lastTime = now;
    this.callbacks.frame(now / 1000, dt);
  };
}
