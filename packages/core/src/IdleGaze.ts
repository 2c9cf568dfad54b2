import { easeInOut } from './channelOps';
import { type Random, randomRange } from './random';

/** Duration of one saccade (the eyes' jump), seconds. */
export const SACCADE_DURATION = 0.04;

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
 * back to the target (the viewer, 0/0, by default). When `locked`, the eyes stay on the target.
 * Results are in `yaw`/`pitch` (radians) after `update`. Part of `IdleDriver`.
 */
export class IdleGaze {
  /** Gaze yaw after the last update, radians. */
  yaw = 0;
  /** Gaze pitch after the last update, radians. */
  pitch = 0;
  private fromYaw = 0;
  private fromPitch = 0;
  private offsetYaw = 0;
  private offsetPitch = 0;
  private moveStart = Number.NEGATIVE_INFINITY;
  private next = Number.NaN;
  private last = Number.NEGATIVE_INFINITY;
  private aimYaw = 0;
  private aimPitch = 0;

  constructor(
    private readonly random: Random,
    private readonly timing: IdleGazeTiming,
  ) {}

  /**
   * Moves the eyes at `time` toward the target (`targetYaw`, `targetPitch`, radians) plus the current saccade
   * offset. A change of target or of `locked` starts a saccade at once.
   */
  update(time: number, targetYaw: number, targetPitch: number, locked: boolean): void {
    if (Number.isNaN(this.next) || time < this.last) this.schedule(time);
    this.last = time;
    if (locked) {
      if (this.offsetYaw !== 0 || this.offsetPitch !== 0) this.beginMove(time);
      this.offsetYaw = 0;
      this.offsetPitch = 0;
    } else if (time >= this.next) {
      this.pickOffset();
      this.schedule(time);
      this.beginMove(time);
    }
    if (targetYaw !== this.aimYaw || targetPitch !== this.aimPitch) this.beginMove(time);
    this.aimYaw = targetYaw;
    this.aimPitch = targetPitch;
    const k = easeInOut((time - this.moveStart) / SACCADE_DURATION);
    this.yaw = this.fromYaw + (targetYaw + this.offsetYaw - this.fromYaw) * k;
    this.pitch = this.fromPitch + (targetPitch + this.offsetPitch - this.fromPitch) * k;
  }

  private beginMove(time: number): void {
    if (this.moveStart === time) return;
    this.fromYaw = this.yaw;
    this.fromPitch = this.pitch;
    this.moveStart = time;
  }

  private pickOffset(): void {
    if (this.random.next() < this.timing.returnChance) {
      this.offsetYaw = 0;
      this.offsetPitch = 0;
      return;
    }
    const max = this.timing.maxOffset;
    this.offsetYaw = randomRange(this.random, -max, max);
    this.offsetPitch = randomRange(this.random, -max / 2, max / 2);
  }

  private schedule(time: number): void {
    this.next = time + randomRange(this.random, this.timing.minInterval, this.timing.maxInterval);
  }
}
