import type { OperatorFaceFrame } from '@digital-human/protocol';
import type { Clock } from './Clock';
import { Channel, type Driver } from './Driver';
import { Emitter } from './Emitter';
import {
  ARKIT_COUNT,
  createFaceFrame,
  EMOTION_COUNT,
  type FaceFrame,
  resetFaceFrame,
  VISEME_COUNT,
} from './FaceFrame';
import { PuppetDriverBuffer, type PuppetPushResult, type PuppetSampleState } from './PuppetDriverBuffer';
import {
  type ArkitToVisemes,
  PUPPET_POSE_SIZE,
  PuppetPoseIndex,
  puppetAngles,
  puppetBlinks,
  puppetEmotions,
  puppetVisemes,
} from './puppetDriverMapping';

/** Where the puppet stands: no frames yet, following the operator, holding after a loss, or lost (idle takes over). */
export type PuppetState = 'waiting' | 'live' | 'holding' | 'lost';

/** The events of a {@link PuppetDriver}. */
export interface PuppetDriverEvents {
  /** The state changed (emitted from `update`). */
  state: { readonly state: PuppetState; readonly previous: PuppetState };
}

/** Options of a {@link PuppetDriver}. Times in ms. */
export interface PuppetDriverOptions {
  /** Mixer priority (default 100, above speech 50, emotion 10 and idle 0). */
  priority?: number;
  /** Driver name (default `'puppet'`). */
  name?: string;
  /** The render loop's clock, to stamp frames pushed without an arrival time (default: the last update's time). */
  clock?: Clock;
  /** Smallest and largest jitter-buffer delay (defaults 60 and 100): it adapts between them to the lateness seen. */
  minDelayMs?: number;
  maxDelayMs?: number;
  /**
   * How long the last pose is held, coasting to a stop, before the channels go back to idle (default 250; at least
   * 2.5 capture intervals, so a slow sender is held across its own frame gaps).
   */
  holdMs?: number;
  /** ARKit → viseme mapping for the mouth (default {@link puppetVisemes}; `arkitToVisemeWeights` takes raw weights). */
  visemesFromArkit?: ArkitToVisemes;
  /**
   * Audio-driven lip-sync used only while the operator's mouth data is missing (face lost, frames stopped) and the
   * operator's voice still plays: its mouth channel is blended in over `mouthFadeMs`.
   */
  fallbackMouth?: Driver;
  /** Crossfade between the operator's mouth and the fallback (default 150). */
  mouthFadeMs?: number;
  /** Fastest change of a weight per second, absorbing late or reordered frames (default 8, i.e. 0.13 per 60 fps frame). */
  maxWeightRate?: number;
  /** Fastest change of an angle, radians per second (default 6). */
  maxAngleRate?: number;
}

/** Channels the operator drives; breathing stays with idle. */
const PUPPET_CHANNELS =
  Channel.mouth | Channel.emotion | Channel.blink | Channel.gaze | Channel.head | Channel.arkit;

/**
 * Plays an operator's face ("puppeteer") on the avatar: frames from `OperatorFrames` go in through {@link push},
 * a small adaptive jitter buffer (60–100 ms) orders them and interpolates between them, and every rendered frame
 * gets the operator's mouth (ARKit jaw/mouth → visemes), emotions (smile, frown, brows), blinks, gaze and head,
 * plus the raw ARKit weights. Weight and angle changes are rate-limited, so late or reordered frames never jump.
 *
 * On loss (frames stop, or the operator's face leaves the camera) the last pose coasts to a stop and is held for
 * `holdMs`; then the driver releases its channels and the mixer crossfades to idle (~300 ms). When frames return it
 * claims them again and the mixer crossfades back. Give the mixer's default 300 ms crossfade for the AI ⇄ human
 * switch: the puppet simply starts (first frames) or stops ({@link stop}) claiming channels.
 *
 * Allocation-free per frame. Emits `state` when it changes.
 *
 * ```ts
 * const puppet = new PuppetDriver({ clock, fallbackMouth: operatorVoiceLipsync });
 * mixer.addDriver(puppet);
 * operatorFrames.on('frame', ({ frame }) => puppet.push(frame));
 * ```
 */
export class PuppetDriver extends Emitter<PuppetDriverEvents> implements Driver {
  readonly name: string;
  readonly priority: number;
  private readonly buffer: PuppetDriverBuffer;
  private readonly clock: Clock | undefined;
  private readonly toVisemes: ArkitToVisemes;
  private readonly fallback: Driver | undefined;
  private readonly fallbackLayer = createFaceFrame(true);
  private readonly target = new Float32Array(PUPPET_POSE_SIZE);
  private readonly pose = new Float32Array(PUPPET_POSE_SIZE);
  private readonly visemes = new Float32Array(VISEME_COUNT);
  /** The weights shown last frame (visemes, emotions, blinks), for the output rate limit. */
  private readonly shown = new Float32Array(VISEME_COUNT + EMOTION_COUNT + 2);
  private readonly mouthFade: number;
  private readonly weightRate: number;
  private readonly angleRate: number;
  private current: PuppetState = 'waiting';
  private active = false;
  private mouthLevel = 0;
  private lastTime = 0;

  constructor(options: PuppetDriverOptions = {}) {
    super();
    this.name = options.name ?? 'puppet';
    this.priority = options.priority ?? 100;
    this.clock = options.clock;
    this.toVisemes = options.visemesFromArkit ?? puppetVisemes;
    this.fallback = options.fallbackMouth;
    this.mouthFade = Math.max(1, options.mouthFadeMs ?? 150) / 1000;
    this.weightRate = options.maxWeightRate ?? 8;
    this.angleRate = options.maxAngleRate ?? 6;
    this.buffer = new PuppetDriverBuffer({
      minDelay: (options.minDelayMs ?? 60) / 1000,
      maxDelay: (options.maxDelayMs ?? 100) / 1000,
      holdTime: (options.holdMs ?? 250) / 1000,
    });
  }

  /** The current state. */
  get state(): PuppetState {
    return this.current;
  }

  /** The jitter buffer's playout delay (ms) and interarrival jitter (ms). */
  get timing(): { readonly delayMs: number; readonly jitterMs: number } {
    return { delayMs: this.buffer.delay * 1000, jitterMs: this.buffer.jitter * 1000 };
  }

  /**
   * Queues one operator frame (copied: the caller may reuse it). `arrival` is the local time in seconds on the
   * mixer's clock (default: `clock.now()`, else the last update's time). Returns whether it was used, or dropped as
   * too late for the playout position or as a duplicate.
   */
  push(frame: OperatorFaceFrame, arrival?: number): PuppetPushResult {
    return this.buffer.push(frame, arrival ?? this.clock?.now() ?? this.lastTime);
  }

  /** Drops every buffered frame and releases the channels (hand-back): the mixer crossfades to the AI's drivers. */
  stop(): void {
    this.buffer.reset();
    this.active = false;
  }

  update(time: number, dt: number, out: FaceFrame): number {
    this.lastTime = time;
    const step = dt > 0 && dt < 1 ? dt : 0;
    const sampled = this.buffer.sample(time, step, this.target);
    const live = sampled === 'live' || sampled === 'holding';
    this.setState(sampled);
    const resumed = live && !this.active;
    if (resumed) this.pose.set(this.target);
    else if (live) this.slew(step);
    this.active = live;
    const fallbackMask = this.runFallback(time, dt);
    this.mouthLevel = approach(this.mouthLevel, live ? 1 : 0, step / this.mouthFade);
    if (!live) return this.writeFallbackMouth(fallbackMask, out);
    this.writePose(out);
    this.blendMouth(fallbackMask, out);
    this.limitWeights(out, resumed ? 1 : this.weightRate * step);
    return PUPPET_CHANNELS;
  }

  /** Removes listeners and buffered frames. The fallback driver is not disposed (the caller owns it). */
  dispose(): void {
    this.stop();
    this.removeAllListeners();
  }

  private setState(sampled: PuppetSampleState): void {
    const state: PuppetState = sampled === 'none' ? 'waiting' : sampled;
    if (state === this.current) return;
    const previous = this.current;
    this.current = state;
    this.emit('state', { state, previous });
  }

  /** Moves the output pose towards the sampled one at the allowed rates. */
  private slew(dt: number): void {
    const maxW = this.weightRate * dt;
    const maxA = this.angleRate * dt;
    const pose = this.pose;
    const target = this.target;
    for (let j = 0; j < PUPPET_POSE_SIZE; j++) {
      const max = j < PuppetPoseIndex.headYaw ? maxW : maxA;
      const d = target[j]! - pose[j]!;
      pose[j] = pose[j]! + (d > max ? max : Math.max(d, -max));
    }
  }

  /**
   * Limits how far each shown weight moves this frame: the mapping from ARKit is steeper than 1 in places (resting
   * levels cut off, thresholds), so the pose's rate limit alone would not bound the output.
   */
  private limitWeights(out: FaceFrame, max: number): void {
    const shown = this.shown;
    let k = 0;
    for (let i = 0; i < VISEME_COUNT; i++) out.visemes[i] = limit(shown, k++, out.visemes[i]!, max);
    for (let i = 0; i < EMOTION_COUNT; i++) out.emotions[i] = limit(shown, k++, out.emotions[i]!, max);
    out.blinkLeft = limit(shown, k++, out.blinkLeft, max);
    out.blinkRight = limit(shown, k, out.blinkRight, max);
  }

  private runFallback(time: number, dt: number): number {
    const fallback = this.fallback;
    if (!fallback) return 0;
    resetFaceFrame(this.fallbackLayer);
    return fallback.update(time, dt, this.fallbackLayer) & Channel.mouth;
  }

  private writePose(out: FaceFrame): void {
    const pose = this.pose;
    this.toVisemes(pose, this.visemes);
    out.visemes.set(this.visemes);
    puppetEmotions(pose, out);
    puppetBlinks(pose, out);
    puppetAngles(pose, out);
    const arkit = out.arkit;
    if (arkit) for (let i = 0; i < ARKIT_COUNT; i++) arkit[i] = pose[i]!; // no subarray view per frame
  }

  /** Blends the fallback lip-sync in while the operator's mouth fades out (and back). */
  private blendMouth(fallbackMask: number, out: FaceFrame): void {
    const level = this.mouthLevel;
    if (level >= 1) return;
    const from = this.fallbackLayer.visemes;
    const visemes = out.visemes;
    for (let i = 0; i < VISEME_COUNT; i++) {
      const other = fallbackMask !== 0 ? from[i]! : 0;
      visemes[i] = other + (visemes[i]! - other) * level;
    }
  }

  private writeFallbackMouth(fallbackMask: number, out: FaceFrame): number {
    if (fallbackMask === 0) return 0;
    const level = this.mouthLevel;
    const visemes = out.visemes;
    const from = this.fallbackLayer.visemes;
    for (let i = 0; i < VISEME_COUNT; i++) visemes[i] = from[i]! + (this.visemes[i]! - from[i]!) * level;
    return Channel.mouth;
  }
}

/** Moves `shown[k]` towards `value` by at most `max` and returns the new value. */
function limit(shown: Float32Array, k: number, value: number, max: number): number {
  const d = value - shown[k]!;
  const next = d > max ? shown[k]! + max : d < -max ? shown[k]! - max : value;
  shown[k] = next;
  return next;
}

function approach(value: number, target: number, step: number): number {
  return value < target ? Math.min(target, value + step) : Math.max(target, value - step);
}
