import { easeInOut } from './channelOps';
import { type Random, randomRange } from './random';

/** Duration of one saccade away from or back to the look target, seconds. */
export const SACCADE_DURATION = 0.04;
/** Peak eye speed when following a moved look target, radians per second (about 500°/s, a saccade's). */
export const SACCADE_SPEED = 8.7;

/** Tuning of {@link IdleGaze}. */
export interface IdleGazeTiming {
  /** Seconds between saccades, drawn uniformly in [min, max]. */
  readonly minInterval: number;
  readonly maxInterval: number;
  /** Largest saccade offset from the look target, radians (yaw; pitch uses half). */
  readonly maxOffset: number;
  /** Chance that a saccade goes to (or stays on) the look target rather than away from it (0..1). */
  readonly returnChance: number;
}

/**
 * Eye saccades around a look target: quick 40 ms jumps of a few degrees every `minInterval..maxInterval` s, mostly
 * to the target (the viewer, 0/0, by default). The eyes follow a moving target at saccade speed, so a new target is
 * reached in a few frames and a slowly moving one is tracked. When `locked`, the eyes stay on the target.
 * Results are in `yaw`/`pitch` (radians) after `update`. Part of `IdleDriver`.
 */
export class IdleGaze {
  /** Gaze yaw after the last update, radians. */
  yaw = 0;
  /** Gaze pitch after the last update, radians. */
  pitch = 0;
  private aimYaw = 0;
  private aimPitch = 0;
  private fromYaw = 0;
  private fromPitch = 0;
  private toYaw = 0;
  private toPitch = 0;
  private moveStart = Number.NEGATIVE_INFINITY;
  private next = Number.NaN;
  private last = Number.NaN;

  constructor(
    private readonly random: Random,
    private readonly timing: IdleGazeTiming,
  ) {}

  /** Moves the eyes at `time` (seconds) toward the target (radians) plus the current saccade offset. */
  update(time: number, targetYaw: number, targetPitch: number, locked: boolean): void {
    const restarted = Number.isNaN(this.last) || time < this.last;
    if (restarted) this.schedule(time);
    const dt = restarted ? 0 : time - this.last;
    this.last = time;
    // Where the eyes are within the current saccade: the start of a new one, if one begins now.
    const k = easeInOut((time - this.moveStart) / SACCADE_DURATION);
    const offsetYaw = this.fromYaw + (this.toYaw - this.fromYaw) * k;
    const offsetPitch = this.fromPitch + (this.toPitch - this.fromPitch) * k;
    if (locked) {
      if (this.toYaw !== 0 || this.toPitch !== 0) this.beginMove(time, offsetYaw, offsetPitch, 0, 0);
    } else if (time >= this.next) {
      this.pick(time, offsetYaw, offsetPitch);
      this.schedule(time);
    }
    const maxStep = SACCADE_SPEED * dt;
    this.aimYaw = approach(this.aimYaw, targetYaw, restarted ? Number.POSITIVE_INFINITY : maxStep);
    this.aimPitch = approach(this.aimPitch, targetPitch, restarted ? Number.POSITIVE_INFINITY : maxStep);
    const now = easeInOut((time - this.moveStart) / SACCADE_DURATION);
    this.yaw = this.aimYaw + this.fromYaw + (this.toYaw - this.fromYaw) * now;
    this.pitch = this.aimPitch + this.fromPitch + (this.toPitch - this.fromPitch) * now;
  }

  private pick(time: number, offsetYaw: number, offsetPitch: number): void {
    if (this.random.next() < this.timing.returnChance) {
      if (this.toYaw !== 0 || this.toPitch !== 0) this.beginMove(time, offsetYaw, offsetPitch, 0, 0);
      return;
    }
    const max = this.timing.maxOffset;
    const yaw = randomRange(this.random, -max, max);
    const pitch = randomRange(this.random, -max / 2, max / 2);
    this.beginMove(time, offsetYaw, offsetPitch, yaw, pitch);
  }

  private beginMove(time: number, fromYaw: number, fromPitch: number, toYaw: number, toPitch: number): void {
    this.fromYaw = fromYaw;
    this.fromPitch = fromPitch;
    this.toYaw = toYaw;
    this.toPitch = toPitch;
    this.moveStart = time;
  }

  private schedule(time: number): void {
    this.next = time + randomRange(this.random, this.timing.minInterval, this.timing.maxInterval);
  }
}

/** Moves `value` toward `target` by at most `maxStep`. */
function approach(value: number, target: number, maxStep: number): number {
  const d = target - value;
  if (d > maxStep) return value + maxStep;
  if (d < -maxStep) return value - maxStep;
  return target;
}
