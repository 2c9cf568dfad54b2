import type { OperatorFaceFrame } from '@digital-human/protocol';
import { PUPPET_POSE_SIZE, PuppetPoseIndex } from './puppetDriverMapping';

/** What {@link PuppetDriverBuffer.sample} found: no frame yet, a live pose, a held pose (loss), or lost. */
export type PuppetSampleState = 'none' | 'live' | 'holding' | 'lost';

/** What became of a pushed frame. */
export type PuppetPushResult = 'accepted' | 'late' | 'duplicate';

/** Timing options of a {@link PuppetDriverBuffer}, in seconds. */
export interface PuppetDriverBufferOptions {
  /** Smallest playout delay (default 0.06). */
  minDelay?: number;
  /** Largest playout delay (default 0.1). */
  maxDelay?: number;
  /** How long the last pose is held, coasting to a stop, after the frames stop (default 0.25; at least 2.5 capture intervals). */
  holdTime?: number;
  /** Frames kept (default 32, about a second at 30 Hz). */
  capacity?: number;
}

interface Slot {
  seq: number;
  /** Sender time, seconds, unwrapped. */
  time: number;
  tracked: boolean;
  readonly pose: Float32Array;
}

/** The playout offset may change by at most this share of real time (a 10 % time stretch, never a jump). */
const SLEW = 0.1;
/** Per-packet creep of the base transit towards the observed one (follows clock drift over ~15 s at 30 Hz). */
const CREEP = 0.002;
/** Decay time constant of the lateness peak the delay adapts to, seconds. */
const PEAK_TAU = 3;
/** Time constant of the coasting motion while holding, seconds. */
const COAST_TAU = 0.06;
/** Senders whose time is this far (s) from the playout position are treated as restarted: resync. */
const RESYNC = 2;
/** This many late frames in a row (about 130 ms at 30 Hz) resync the clock mapping. */
const LATE_RESYNC = 4;

/**
 * The puppet's jitter buffer: orders operator face frames by capture time, maps the sender's clock to the local one
 * (the smallest observed transit plus an adaptive playout delay between `minDelay` and `maxDelay` that covers the
 * recent lateness), and samples a pose at any local time by linear interpolation. After the last tracked frame it
 * coasts to a stop (exponentially damped velocity) for `holdTime`, then reports `lost`.
 * The playout offset slews (at most 10 % of real time), so delay changes never make the pose jump.
 * Allocation-free after construction.
 */
export class PuppetDriverBuffer {
  private readonly slots: Slot[];
  private count = 0;
  private readonly minDelay: number;
  private readonly maxDelay: number;
  private readonly holdTime: number;
  private synced = false;
  private lastRaw = 0;
  private lastUnwrapped = 0;
  private baseTransit = 0;
  private latePeak = 0;
  private peakTime = 0;
  private offset = 0;
  private lastTransit = 0;
  private jitterEstimate = 0;
  private lastSample = Number.NEGATIVE_INFINITY;
  /** Smoothed capture interval at the sender, seconds (30 Hz until measured). */
  private interval = 1 / 30;
  private intervalSamples = 0;
  private newest = Number.NEGATIVE_INFINITY;
  private newestSeq = 0;
  private lateRun = 0;

  constructor(options: PuppetDriverBufferOptions = {}) {
    this.minDelay = options.minDelay ?? 0.06;
    this.maxDelay = Math.max(this.minDelay, options.maxDelay ?? 0.1);
    this.holdTime = options.holdTime ?? 0.25;
    const capacity = Math.max(4, options.capacity ?? 32);
    this.slots = Array.from({ length: capacity }, () => ({
      seq: 0,
      time: 0,
      tracked: false,
      pose: new Float32Array(PUPPET_POSE_SIZE),
    }));
  }

  /**
   * The playout delay aimed at now, seconds: one frame interval (the next frame must be there before the current
   * one is passed) plus the recent lateness peak, within [minDelay, maxDelay].
   */
  get delay(): number {
    return Math.min(this.maxDelay, Math.max(this.minDelay, this.latePeak + this.interval + 0.005));
  }

  /** Interarrival jitter estimate (RFC 3550 style), seconds. */
  get jitter(): number {
    return this.jitterEstimate;
  }

  /** Frames buffered. */
  get size(): number {
    return this.count;
  }

  /** Adds a frame that arrived at local time `arrival` (seconds). */
  push(frame: OperatorFaceFrame, arrival: number): PuppetPushResult {
    // A run of late frames means the path got slower for good (a reconnection, a new route): start over.
    if (this.lateRun >= LATE_RESYNC) this.reset();
    const time = this.unwrap(frame.timestampMs) / 1000;
    const transit = arrival - time;
    if (this.synced && Math.abs(transit - this.baseTransit) > RESYNC) {
      this.reset();
      return this.push(frame, arrival);
    }
    if (!this.synced) this.sync(transit, arrival);
    else this.track(transit, arrival);
    if (time <= this.lastSample) {
      this.lateRun++;
      return 'late';
    }
    this.lateRun = 0;
    if (this.find(frame.seq, time)) return 'duplicate';
    if (time > this.newest) this.measureInterval(frame.seq, time);
    this.insert(frame, time);
    return 'accepted';
  }

  /**
   * Writes the pose at local time `now` into `out` (57 values) and says what it is. `dt` is the step since the last
   * call (slews the playout offset). Untracked frames count as gaps.
   */
  sample(now: number, dt: number, out: Float32Array): PuppetSampleState {
    if (this.count === 0) return 'none';
    this.slewOffset(now, dt);
    const t = now - this.offset;
    this.lastSample = t;
    const a = this.lastTrackedAtOrBefore(t);
    if (a < 0) {
      const first = this.firstTracked();
      if (first < 0) return 'lost';
      out.set(this.slots[first]!.pose);
      return 'live';
    }
    if (a > 1) this.drop(a - 1);
    const ia = Math.min(a, 1);
    const sa = this.slots[ia]!;
    const next = this.slots[ia + 1];
    if (ia + 1 < this.count && next && next.tracked) {
      lerpPose(sa.pose, next.pose, (t - sa.time) / (next.time - sa.time), out);
      return 'live';
    }
    const elapsed = t - sa.time;
    // A slow sender (an operator laptop tracking at a few Hz) is held across its own frame gaps, not lost.
    const hold = Math.max(this.holdTime, 2.5 * this.interval);
    this.coast(ia, Math.min(elapsed, hold), out);
    return elapsed > hold ? 'lost' : 'holding';
  }

  /** Forgets every frame and the clock mapping (a new operator, a restarted sender). */
  reset(): void {
    this.count = 0;
    this.synced = false;
    this.latePeak = 0;
    this.jitterEstimate = 0;
    this.lastSample = Number.NEGATIVE_INFINITY;
    this.newest = Number.NEGATIVE_INFINITY;
    this.lateRun = 0;
    this.interval = 1 / 30;
    this.intervalSamples = 0;
  }

  private unwrap(raw: number): number {
    if (!this.synced) {
      this.lastRaw = raw >>> 0;
      this.lastUnwrapped = this.lastRaw;
      return this.lastUnwrapped;
    }
    const delta = ((raw >>> 0) - this.lastRaw) | 0;
    const unwrapped = this.lastUnwrapped + delta;
    if (delta > 0) {
      this.lastRaw = raw >>> 0;
      this.lastUnwrapped = unwrapped;
    }
    return unwrapped;
  }

  /**
   * The capture interval from consecutive frames: time gap over sequence gap, so lost frames do not count as slow
   * capture. Quick at first, then a slow average.
   */
  private measureInterval(seq: number, time: number): void {
    const frames = (seq - this.newestSeq) >>> 0;
    const each = (time - this.newest) / frames;
    if (frames >= 1 && frames <= 30 && each > 0.001 && each < 1) {
      this.intervalSamples++;
      const k = this.intervalSamples <= 8 ? 1 / this.intervalSamples : 0.1;
      this.interval += (each - this.interval) * k;
    }
    this.newest = time;
    this.newestSeq = seq >>> 0;
  }

  private sync(transit: number, arrival: number): void {
    this.synced = true;
    this.baseTransit = transit;
    this.lastTransit = transit;
    this.latePeak = 0;
    this.peakTime = arrival;
    this.offset = transit + this.delay;
  }

  private track(transit: number, arrival: number): void {
    this.jitterEstimate += (Math.abs(transit - this.lastTransit) - this.jitterEstimate) / 16;
    this.lastTransit = transit;
    if (transit < this.baseTransit) {
      this.latePeak += this.baseTransit - transit;
      this.baseTransit = transit;
    } else this.baseTransit += (transit - this.baseTransit) * CREEP;
    this.latePeak *= Math.exp(-(arrival - this.peakTime) / PEAK_TAU);
    this.peakTime = arrival;
    this.latePeak = Math.max(this.latePeak, transit - this.baseTransit);
  }

  private slewOffset(_now: number, dt: number): void {
    const target = this.baseTransit + this.delay;
    const step = SLEW * Math.max(dt, 0);
    const diff = target - this.offset;
    this.offset += diff > step ? step : Math.max(diff, -step);
  }

  private find(seq: number, time: number): boolean {
    for (let i = 0; i < this.count; i++) {
      const s = this.slots[i]!;
      if (s.seq === seq && s.time === time) return true;
    }
    return false;
  }

  /** Inserts in time order; when full, the oldest slot is recycled. */
  private insert(frame: OperatorFaceFrame, time: number): void {
    const slots = this.slots;
    if (this.count === slots.length) this.drop(1);
    let i = this.count;
    const slot = slots[i]!;
    while (i > 0 && slots[i - 1]!.time > time) {
      slots[i] = slots[i - 1]!;
      i--;
    }
    slots[i] = slot;
    this.count++;
    slot.seq = frame.seq;
    slot.time = time;
    slot.tracked = frame.tracked;
    slot.pose.set(frame.blendshapes);
    slot.pose[PuppetPoseIndex.headYaw] = frame.headYaw;
    slot.pose[PuppetPoseIndex.headPitch] = frame.headPitch;
    slot.pose[PuppetPoseIndex.headRoll] = frame.headRoll;
    slot.pose[PuppetPoseIndex.gazeYaw] = frame.gazeYaw;
    slot.pose[PuppetPoseIndex.gazePitch] = frame.gazePitch;
  }

  /** Drops the `n` oldest slots (recycled at the end). */
  private drop(n: number): void {
    const slots = this.slots;
    for (let k = 0; k < n; k++) {
      const first = slots[0]!;
      for (let i = 1; i < slots.length; i++) slots[i - 1] = slots[i]!;
      slots[slots.length - 1] = first;
    }
    this.count -= n;
  }

  private lastTrackedAtOrBefore(t: number): number {
    for (let i = this.count - 1; i >= 0; i--) {
      const s = this.slots[i]!;
      if (s.time <= t && s.tracked) return i;
    }
    return -1;
  }

  private firstTracked(): number {
    for (let i = 0; i < this.count; i++) if (this.slots[i]!.tracked) return i;
    return -1;
  }

  /** The last tracked pose moved on by its velocity, damped to a stop: motion decelerates, never freezes. */
  private coast(i: number, elapsed: number, out: Float32Array): void {
    const a = this.slots[i]!;
    const prev = i > 0 ? this.slots[i - 1]! : null;
    const span = prev?.tracked ? a.time - prev.time : 0;
    if (!prev || span <= 0 || span > 0.2) {
      out.set(a.pose);
      return;
    }
    const k = (COAST_TAU * (1 - Math.exp(-elapsed / COAST_TAU))) / span;
    for (let j = 0; j < PUPPET_POSE_SIZE; j++) {
      const v = a.pose[j]! + (a.pose[j]! - prev.pose[j]!) * k;
      out[j] = j < PuppetPoseIndex.headYaw ? (v < 0 ? 0 : Math.min(v, 1)) : v;
    }
  }
}

function lerpPose(a: Float32Array, b: Float32Array, t: number, out: Float32Array): void {
  const u = t < 0 ? 0 : Math.min(t, 1);
  for (let j = 0; j < PUPPET_POSE_SIZE; j++) out[j] = a[j]! + (b[j]! - a[j]!) * u;
}
