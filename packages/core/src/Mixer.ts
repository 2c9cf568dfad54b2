import {
  addChannel,
  blendChannel,
  CHANNEL_BITS,
  capSum,
  clearChannel,
  copyChannel,
  easeInOut,
} from './channelOps';
import { DigitalHumanError } from './DigitalHumanError';
import { ALL_CHANNELS, type Channel, type Driver, type FrameSource } from './Driver';
import { Emitter } from './Emitter';
import { createFaceFrame, type FaceFrame, resetFaceFrame } from './FaceFrame';

/** Who drives the avatar: the AI agent or a human operator ("puppeteer"). */
export type Controller = 'ai' | 'human';

/** The events of a {@link Mixer}. */
export interface MixerEvents {
  /** The driver owning `channel` changed (a crossfade from the last output has started). `null` = nobody. */
  ownerchange: { readonly channel: Channel; readonly from: Driver | null; readonly to: Driver | null };
  /** `setController` changed the controller. */
  controllerchange: { readonly controller: Controller; readonly previous: Controller };
  /** A driver threw from `update`; it was removed and its channels crossfade to the next owner. */
  error: { readonly driver: Driver; readonly error: DigitalHumanError };
  /** `dispose()` was called; listeners are removed right after. */
  dispose: undefined;
}

/** Options of a {@link Mixer}. */
export interface MixerOptions {
  /** Duration of the crossfade when a channel changes owner, in ms (default 300). */
  crossfadeMs?: number;
  /**
   * Upper bound of the summed emotion weights while the mouth channel is owned, i.e. while speaking (default 0.5).
   * VRM expressions such as `happy` may override the mouth (`overrideMouth`): with `'blend'`, the mouth weights are
   * multiplied by `1 - weight` per expression, so a full-strength emotion would close the lips. Capping the sum at
   * `c` keeps at least `1 - c` of every viseme. The cap eases in and out over `crossfadeMs`.
   * (`'block'` overrides mute the mouth at any weight > 0: the avatar turns them into `'blend'`.)
   */
  speakingEmotionCap?: number;
}

/** How a driver takes part in the mix; the second argument of {@link Mixer.addDriver}. */
export interface MixerDriverOptions {
  /**
   * Channels this driver *adds onto* whoever owns them instead of giving way, when it is not the owner itself
   * (e.g. `Channel.head | Channel.breath` for idle sway on top of an emotion driver's head nod). Angles add;
   * weights add and clamp to 0..1. Default 0: the driver only competes by priority.
   */
  additive?: number;
}

interface Slot {
  readonly driver: Driver;
  readonly layer: FaceFrame;
  readonly additive: number;
  /** Channels written this frame. */
  mask: number;
  /** Channels added (not owned) last frame / this frame. */
  added: number;
  nextAdded: number;
}

const CHANNEL_COUNT = CHANNEL_BITS.length;
const MOUTH = 0;
const ARKIT = 6;

/**
 * Mixes the drivers into one `FaceFrame` per rendered frame.
 *
 * Each frame, every driver writes into its own scratch layer (reset to neutral first) and returns the channels it
 * claims. Per channel (mouth, emotion, blink, gaze, head, breath, arkit), the highest-priority claimant owns it
 * (ties: the first added). So an `IdleDriver` (priority 0, claims blink|gaze|head|breath) keeps the eyes and head
 * alive while a speech driver owns the mouth, and an operator's puppet driver can take everything.
 *
 * When a channel's owner changes (or an additive contributor comes or goes), the channel crossfades from the last
 * output to the new owner's pose over `crossfadeMs` with a smoothstep ease: no weight jumps. With weights in 0..1,
 * a switch moves a weight by at most `1.5 · dt / crossfade` per frame on top of the drivers' own motion
 * (0.083 at 60 fps and 300 ms).
 *
 * While the mouth is owned (speaking), emotions are capped by `speakingEmotionCap`. Smoothing visemes is not the
 * mixer's job: lip-sync drivers do coarticulation.
 *
 * Priorities used by the SDK's drivers: idle 0, emotion 10, speech 50, an operator's puppet above them (e.g. 100).
 * The AI ⇄ human switch is a change of owners, so it crossfades like any other; `setController` only records it.
 *
 * `update` allocates nothing; events (`ownerchange`) allocate their payload only when an owner changes.
 * The mixer does not own its drivers: `dispose()` removes them without disposing them.
 *
 * ```ts
 * const mixer = new Mixer();
 * mixer.addDriver(new IdleDriver(), { additive: Channel.head }); // sway on top of emotion nods
 * const removeSpeech = mixer.addDriver(speechDriver);
 * new AvatarView({ container, frameSource: mixer }); // its render loop calls mixer.update(time, dt)
 * ```
 */
export class Mixer extends Emitter<MixerEvents> implements FrameSource {
  private slots: readonly Slot[] = [];
  private readonly frame = createFaceFrame(true);
  private readonly arkitBuffer = this.frame.arkit!;
  private readonly fadeFrom = createFaceFrame(true);
  private readonly owners: (Slot | null)[] = new Array<Slot | null>(CHANNEL_COUNT).fill(null);
  private readonly reported: (Driver | null)[] = new Array<Driver | null>(CHANNEL_COUNT).fill(null);
  private readonly progress = new Float64Array(CHANNEL_COUNT).fill(1);
  /** Number of additive contributors per channel last frame (detects a removed contributor). */
  private readonly addedCounts = new Int32Array(CHANNEL_COUNT);
  /** Crossfade progress per second of this update's dt (`dt / crossfade`). */
  private readonly fadeStep = new Float64Array(1);
  private readonly crossfade: number;
  private readonly emotionCap: number;
  private speakingLevel = 0;
  private currentController: Controller = 'ai';
  private disposed = false;

  constructor(options?: MixerOptions) {
    super();
    const crossfadeMs = options?.crossfadeMs ?? 300;
    const cap = options?.speakingEmotionCap ?? 0.5;
    if (!(crossfadeMs >= 0))
      throw DigitalHumanError.invalidArgument(`crossfadeMs must be >= 0, got ${crossfadeMs}`);
    if (!(cap >= 0)) throw DigitalHumanError.invalidArgument(`speakingEmotionCap must be >= 0, got ${cap}`);
    this.crossfade = crossfadeMs / 1000;
    this.emotionCap = cap;
  }

  /** Adds a driver; returns the function that removes it. Adding the same driver twice is an error. */
  addDriver(driver: Driver, options?: MixerDriverOptions): () => void {
    if (this.disposed) throw DigitalHumanError.disposed('Mixer');
    if (this.slots.some((s) => s.driver === driver)) {
      throw DigitalHumanError.invalidArgument(`driver "${driver.name}" was already added`);
    }
    const slot: Slot = {
      driver,
      layer: createFaceFrame(true),
      additive: (options?.additive ?? 0) & ALL_CHANNELS,
      mask: 0,
      added: 0,
      nextAdded: 0,
    };
    this.slots = [...this.slots, slot];
    return () => {
      this.removeDriver(driver);
    };
  }

  /** Removes a driver (its channels crossfade to the next owner). Returns whether it was there. */
  removeDriver(driver: Driver): boolean {
    const next = this.slots.filter((s) => s.driver !== driver);
    if (next.length === this.slots.length) return false;
    this.slots = next;
    return true;
  }

  /** The driver that owned `channel` in the last update, or null. */
  ownerOf(channel: Channel): Driver | null {
    return this.owners[CHANNEL_BITS.indexOf(channel)]?.driver ?? null;
  }

  /** The current controller (`'ai'` until set). */
  get controller(): Controller {
    return this.currentController;
  }

  /**
   * Records who controls the avatar and emits `controllerchange`. Ownership is still decided by driver priorities:
   * the app gives the operator's puppet driver a higher priority than the AI's drivers, or removes one of them.
   */
  setController(controller: Controller): void {
    const previous = this.currentController;
    if (controller === previous) return;
    this.currentController = controller;
    this.emit('controllerchange', { controller, previous });
  }

  /** Runs the drivers at `time` (seconds) and returns the mixed frame (owned by the mixer, reused every call). */
  update(time: number, dt: number): FaceFrame {
    const out = this.frame;
    out.arkit = this.arkitBuffer;
    const slots = this.slots;
    const valid = dt >= 0 && dt < Number.POSITIVE_INFINITY;
    // The fade step lives in a typed array so helpers read it unboxed (passing doubles would allocate).
    this.fadeStep[0] = this.crossfade > 0 ? (valid ? dt : 0) / this.crossfade : 1;
    const failed = this.runDrivers(slots, time, valid ? dt : 0);
    for (let i = 0; i < CHANNEL_COUNT; i++) this.mixChannel(i, slots, out);
    for (let s = 0; s < slots.length; s++) slots[s]!.added = slots[s]!.nextAdded;
    this.capEmotions(out);
    out.arkit = this.owners[ARKIT] !== null || this.progress[ARKIT]! < 1 ? this.arkitBuffer : null;
    if (failed) this.removeFailed(slots);
    this.reportOwners();
    return out;
  }

  /** Removes all drivers and listeners (after emitting `dispose`). The drivers themselves are not disposed. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.slots = [];
    this.emit('dispose');
    this.removeAllListeners();
  }

  /** Lets every driver write its layer; returns whether one threw (its mask is then -1, meaning failed). */
  private runDrivers(slots: readonly Slot[], time: number, dt: number): boolean {
    let failed = false;
    for (let s = 0; s < slots.length; s++) {
      const slot = slots[s]!;
      resetFaceFrame(slot.layer);
      try {
        slot.mask = slot.driver.update(time, dt, slot.layer) & ALL_CHANNELS;
      } catch (error) {
        slot.mask = -1;
        failed = true;
        this.emit('error', {
          driver: slot.driver,
          error: DigitalHumanError.driverFailed(slot.driver.name, error),
        });
      }
    }
    return failed;
  }

  private mixChannel(i: number, slots: readonly Slot[], out: FaceFrame): void {
    const c = CHANNEL_BITS[i]!;
    let owner: Slot | null = null;
    for (let s = 0; s < slots.length; s++) {
      const slot = slots[s]!;
      if (
        slot.mask > 0 &&
        (slot.mask & c) !== 0 &&
        (owner === null || slot.driver.priority > owner.driver.priority)
      ) {
        owner = slot;
      }
    }
    let changed = owner !== this.owners[i];
    this.owners[i] = owner;
    let count = 0;
    for (let s = 0; s < slots.length; s++) {
      const slot = slots[s]!;
      const adds = slot !== owner && slot.mask > 0 && (slot.mask & slot.additive & c) !== 0;
      if (adds !== ((slot.added & c) !== 0)) changed = true;
      slot.nextAdded = adds ? slot.nextAdded | c : slot.nextAdded & ~c;
      if (adds) count++;
    }
    if (count !== this.addedCounts[i]) changed = true;
    this.addedCounts[i] = count;
    if (changed) {
      copyChannel(c, out, this.fadeFrom);
      this.progress[i] = 0;
    }
    if (owner) copyChannel(c, owner.layer, out);
    else clearChannel(c, out);
    for (let s = 0; s < slots.length; s++) {
      const slot = slots[s]!;
      if ((slot.nextAdded & c) !== 0) addChannel(c, slot.layer, out);
    }
    const p = this.progress[i]!;
    if (p < 1) {
      const next = Math.min(1, p + this.fadeStep[0]!);
      this.progress[i] = next;
      blendChannel(c, this.fadeFrom, out, easeInOut(next));
    }
  }

  /** Eases the speaking emotion cap in or out and applies it. */
  private capEmotions(out: FaceFrame): void {
    const speaking = this.owners[MOUTH] !== null;
    const rate = this.fadeStep[0]!;
    this.speakingLevel = speaking
      ? Math.min(1, this.speakingLevel + rate)
      : Math.max(0, this.speakingLevel - rate);
    if (this.speakingLevel === 0) return;
    const emotions = out.emotions;
    let sum = 0;
    for (let e = 0; e < emotions.length; e++) sum += emotions[e]!;
    if (sum <= this.emotionCap) return;
    const full = this.emotionCap / sum;
    const scale = 1 + (full - 1) * easeInOut(this.speakingLevel);
    if (scale >= 1) return;
    capSum(emotions, sum * scale);
  }

  private removeFailed(slots: readonly Slot[]): void {
    for (let s = 0; s < slots.length; s++) {
      if (slots[s]!.mask === -1) this.removeDriver(slots[s]!.driver);
    }
  }

  /** Emits `ownerchange` for every channel whose owner differs from the last one reported. */
  private reportOwners(): void {
    for (let i = 0; i < CHANNEL_COUNT; i++) {
      const to = this.owners[i]?.driver ?? null;
      const from = this.reported[i] ?? null;
      if (to === from) continue;
      this.reported[i] = to;
      this.emit('ownerchange', { channel: CHANNEL_BITS[i]!, from, to });
    }
  }
}
