import { Channel, type Driver } from './Driver';
import type { FaceFrame } from './FaceFrame';
import { IdleBlink } from './IdleBlink';
import { IdleGaze } from './IdleGaze';
import { mathRandom, type Random, randomRange } from './random';

const DEG = Math.PI / 180;
const TWO_PI = 2 * Math.PI;
/** Sway frequencies (Hz): pairwise incommensurate, so the sum never visibly repeats. */
const SWAY_HZ = [0.071, 0.173, 0.097, 0.211, 0.053, 0.139] as const;
/** Sway amplitudes relative to `swayDeg` for yaw, pitch, roll. */
const SWAY_YAW = 1;
const SWAY_PITCH = 0.6;
const SWAY_ROLL = 0.4;
/** Sway scale in attentive mode. */
const ATTENTIVE_SWAY = 0.3;
/** Time constants (s) of the head turning to the look target and of the sway scale changing. */
const HEAD_TAU = 0.35;
const SWAY_TAU = 0.5;

/** Options of an {@link IdleDriver}. Angles in degrees, times in seconds. */
export interface IdleDriverOptions {
  /** Random source; pass `createSeededRandom(seed)` for reproducible motion (default `mathRandom`). */
  random?: Random;
  /** Mixer priority (default 0, the lowest of the built-in drivers). */
  priority?: number;
  /** Driver name (default `'idle'`). */
  name?: string;
  /** Seconds between blinks, uniform in [min, max] (default [2, 6]). */
  blinkInterval?: readonly [number, number];
  /** Chance of a double blink (default 0.15). */
  doubleBlinkChance?: number;
  /** Seconds between saccades, uniform in [min, max] (default [0.4, 3]). */
  saccadeInterval?: readonly [number, number];
  /** Largest saccade away from the look target, degrees of yaw; pitch uses half (default 5). */
  saccadeMaxDeg?: number;
  /** Chance that a saccade goes to the look target rather than away (default 0.65). */
  saccadeReturnChance?: number;
  /** Breathing rate in Hz (default: drawn from `random` in [0.2, 0.3]). */
  breathHz?: number;
  /** Head sway amplitude in degrees of yaw; pitch and roll are smaller (default 2). */
  swayDeg?: number;
  /** Share of a look target's angle taken by the head, the rest by the eyes (default 0.5). */
  headFollow?: number;
  /** Start in attentive mode (default false). */
  attentive?: boolean;
}

/**
 * Keeps the avatar alive when nothing else drives it, and keeps the eyes and head alive while speech drives the
 * mouth: spontaneous blinks (every 2–6 s, ~15 % doubled), eye saccades of a few degrees mostly back to the viewer,
 * breathing (a 0.2–0.3 Hz sine on `breath`) and a slow head sway (a sum of incommensurate sines).
 *
 * Claims blink | gaze | head | breath at priority 0, so any other driver claiming one of them takes it over.
 * Gaze 0/0 looks at the viewer (the camera). `setLookTarget` turns eyes and head toward someone (a customer found by
 * face tracking); `setAttentive(true)` locks the gaze on the target and calms the sway (listening).
 *
 * Deterministic: the same `Random` seed and the same update times give the same motion. Allocates nothing per frame.
 *
 * To keep the sway while another driver gestures with the head (an emotion nod), add it as additive on the head:
 * `mixer.addDriver(idle, { additive: Channel.head })`. Leave that out when an operator's puppet drives the head:
 * the operator's own motion is alive already.
 */
export class IdleDriver implements Driver {
  readonly name: string;
  readonly priority: number;
  private readonly blink: IdleBlink;
  private readonly gaze: IdleGaze;
  private readonly breathHz: number;
  private readonly swayAmplitude: number;
  private readonly headFollow: number;
  private readonly phases = new Float64Array(SWAY_HZ.length + 1);
  private attentive: boolean;
  private swayScale: number;
  private lookYaw = 0;
  private lookPitch = 0;
  private headAimYaw = 0;
  private headAimPitch = 0;

  constructor(options: IdleDriverOptions = {}) {
    const random = options.random ?? mathRandom;
    const blinkInterval = options.blinkInterval ?? [2, 6];
    const saccadeInterval = options.saccadeInterval ?? [0.4, 3];
    this.name = options.name ?? 'idle';
    this.priority = options.priority ?? 0;
    this.blink = new IdleBlink(random, {
      minInterval: blinkInterval[0],
      maxInterval: blinkInterval[1],
      doubleChance: options.doubleBlinkChance ?? 0.15,
    });
    this.gaze = new IdleGaze(random, {
      minInterval: saccadeInterval[0],
      maxInterval: saccadeInterval[1],
      maxOffset: (options.saccadeMaxDeg ?? 5) * DEG,
      returnChance: options.saccadeReturnChance ?? 0.65,
    });
    this.breathHz = options.breathHz ?? randomRange(random, 0.2, 0.3);
    this.swayAmplitude = (options.swayDeg ?? 2) * DEG;
    this.headFollow = options.headFollow ?? 0.5;
    for (let i = 0; i < this.phases.length; i++) this.phases[i] = random.next() * TWO_PI;
    this.attentive = options.attentive ?? false;
    this.swayScale = this.attentive ? ATTENTIVE_SWAY : 1;
  }

  /** Whether the driver is in attentive mode. */
  get isAttentive(): boolean {
    return this.attentive;
  }

  /** Attentive mode: gaze locked to the look target, sway reduced (eased in over about a second). */
  setAttentive(attentive: boolean): void {
    this.attentive = attentive;
  }

  /**
   * Looks toward a direction, in radians relative to facing the viewer straight on (0, 0 = the viewer; positive yaw
   * to the avatar's left, positive pitch up). The head takes `headFollow` of it smoothly, the eyes jump to the rest.
   */
  setLookTarget(yaw: number, pitch: number): void {
    this.lookYaw = yaw;
    this.lookPitch = pitch;
  }

  /** Looks back at the viewer: `setLookTarget(0, 0)`. */
  clearLookTarget(): void {
    this.setLookTarget(0, 0);
  }

  /** Writes blink, gaze, head and breath for `time` (seconds). */
  update(time: number, dt: number, out: FaceFrame): number {
    const step = Number.isFinite(dt) ? Math.max(dt, 0) : 0;
    const closure = this.blink.update(time);
    out.blinkLeft = closure;
    out.blinkRight = closure;

    const headK = 1 - Math.exp(-step / HEAD_TAU);
    this.headAimYaw += (this.lookYaw * this.headFollow - this.headAimYaw) * headK;
    this.headAimPitch += (this.lookPitch * this.headFollow - this.headAimPitch) * headK;
    this.gaze.update(
      time,
      this.lookYaw - this.headAimYaw,
      this.lookPitch - this.headAimPitch,
      this.attentive,
    );
    out.gazeYaw = this.gaze.yaw;
    out.gazePitch = this.gaze.pitch;

    const swayTarget = this.attentive ? ATTENTIVE_SWAY : 1;
    this.swayScale += (swayTarget - this.swayScale) * (1 - Math.exp(-step / SWAY_TAU));
    const a = this.swayAmplitude * this.swayScale;
    out.headYaw = this.headAimYaw + a * SWAY_YAW * this.sway(0, time);
    out.headPitch = this.headAimPitch + a * SWAY_PITCH * this.sway(2, time);
    out.headRoll = a * SWAY_ROLL * this.sway(4, time);

    out.breath = Math.sin(TWO_PI * this.breathHz * time + this.phases[SWAY_HZ.length]!);
    return Channel.blink | Channel.gaze | Channel.head | Channel.breath;
  }

  /** Two incommensurate sines starting at frequency index `i`, in -1..1. */
  private sway(i: number, time: number): number {
    const a = Math.sin(TWO_PI * SWAY_HZ[i]! * time + this.phases[i]!);
    const b = Math.sin(TWO_PI * SWAY_HZ[i + 1]! * time + this.phases[i + 1]!);
    return 0.65 * a + 0.35 * b;
  }
}
