import { AudioClock, type AudioContextLike, Emitter, VISEME_COUNT, VisemeIndex } from '@digital-human/core';
import { type CoarticulationOptions, Coarticulator } from './Coarticulator';
import { CueTrack } from './CueTrack';
import { LipsyncError } from './LipsyncError';
import { type LipsyncWarning, lipsyncWarning } from './LipsyncWarning';
import { sanitizeCues } from './sanitizeCues';

/** Events of {@link VisemeScheduler}. */
export interface VisemeSchedulerEvents {
  /** Input was repaired (bad cues, late chunks). */
  warning: LipsyncWarning;
  /** `interrupt()` dropped the future at this audible time; the mouth is easing shut. */
  interrupted: { audioTime: number };
  /** `pause()` froze the timeline at this audible time. */
  paused: { audioTime: number };
  /** `resume()` continued; cues not yet heard moved `pausedFor` seconds later. */
  resumed: { audioTime: number; pausedFor: number };
}

/** Options of {@link VisemeScheduler}. */
export interface VisemeSchedulerOptions extends CoarticulationOptions {
  /** The `AudioContext` speech plays on (or a core {@link AudioClock}). */
  clock: AudioContextLike | AudioClock;
  /**
   * Seconds between `currentTime` and what is heard, to use instead of the clock's own audible time. Default:
   * core's {@link AudioClock.audibleTime} (the device's output timestamp moved on to now, or
   * `currentTime - (outputLatency || baseLatency || 0)`), read each frame.
   */
  latency?: number;
  /**
   * How far the mouth runs ahead of the heard audio, in seconds (default 0). Viewers accept lips slightly ahead of
   * the sound far more than behind it; the bench measured 6 ms of lead as a loss (frame accuracy −4 points).
   */
  visualLead?: number;
  /** How fast the mouth shuts on interrupt/pause (default 0.1 s). */
  closeTime?: number;
  /** Speech loudness 0..1 at an audio-clock time; scales the open shapes (default: none). */
  energy?: (audioTime: number) => number;
  /** Longest believable cue (default 2 s). */
  maxCueDuration?: number;
}

/** Options of {@link VisemeScheduler.push}. */
export interface PushOptions {
  /** Audio-clock time of this chunk's time 0 (default: the current utterance's start). */
  audioStart?: number;
}

/**
 * Places viseme cues on the audio clock and says, at render time, what the mouth shows for the audio being heard
 * now (`currentTime - outputLatency`). Chunks may arrive before their audio (kept) or after it started (joined
 * mid-way with a `late-chunk` warning). `interrupt()` drops the future and eases the mouth shut; `pause()` and
 * `resume()` hold and shift the timeline. `sample()` is allocation-free and never throws.
 */
export class VisemeScheduler {
  private readonly clock: AudioClock;
  private readonly latency: number | undefined;
  private readonly closeTime: number;
  private readonly visualLead: number;
  private readonly energy: ((audioTime: number) => number) | undefined;
  private readonly maxCueDuration: number;
  private readonly track = new CueTrack();
  private readonly coarticulator: Coarticulator;
  private readonly events = new Emitter<VisemeSchedulerEvents>();
  private readonly scratch = new Float32Array(VISEME_COUNT);
  private utteranceStart = 0;
  private fadeFrom = Number.NEGATIVE_INFINITY;
  private pausedAt: number | null = null;
  private disposed = false;

  constructor(options: VisemeSchedulerOptions) {
    if (!options?.clock) throw LipsyncError.badArgument('VisemeScheduler needs a clock (an AudioContext)');
    this.clock = options.clock instanceof AudioClock ? options.clock : new AudioClock(options.clock);
    this.latency = options.latency;
    this.closeTime = options.closeTime ?? 0.1;
    this.visualLead = options.visualLead ?? 0;
    this.energy = options.energy;
    this.maxCueDuration = options.maxCueDuration ?? 2;
    this.coarticulator = new Coarticulator(options);
  }

  /** Subscribes to an event; returns the unsubscribe. */
  on<K extends keyof VisemeSchedulerEvents>(
    event: K,
    listener: (payload: VisemeSchedulerEvents[K]) => void,
  ): () => void {
    return this.events.on(event, listener);
  }

  /** The audio-clock time being heard now ({@link AudioClock.audibleTime}, or `currentTime - latency`). */
  get now(): number {
    if (this.latency !== undefined) return this.clock.now() - this.latency;
    return this.clock.audibleTime();
  }

  /** True while cues are playing or due, or the mouth is still closing. */
  get speaking(): boolean {
    return this.speakingAt(this.pausedAt ?? this.now);
  }

  private speakingAt(now: number): boolean {
    if (now < this.fadeFrom + this.closeTime) return true;
    return this.track.firstEndingAfter(now - this.coarticulator.tail) < this.track.count;
  }

  /** Starts an utterance whose audio begins at `audioStart` on the audio clock (e.g. `source.start(audioStart)`). */
  beginUtterance(audioStart: number): void {
    this.utteranceStart = audioStart;
  }

  /** Adds cues (times relative to the utterance's audio start); they are sanitised first. Returns the count kept. */
  push(cues: readonly unknown[], options: PushOptions = {}): number {
    if (this.disposed) throw LipsyncError.usedAfterDispose('VisemeScheduler');
    const offset = options.audioStart ?? this.utteranceStart;
    const warn = (w: LipsyncWarning) => this.events.emit('warning', w);
    const clean = sanitizeCues(cues, { maxDuration: this.maxCueDuration, onWarning: warn });
    const now = this.pausedAt ?? this.now;
    let late = 0;
    let kept = 0;
    for (const c of clean) {
      if (c.end + offset <= now) {
        late++;
        continue;
      }
      if (c.start + offset < now) late++;
      this.track.add(c, offset);
      kept++;
    }
    if (late > 0)
      warn(lipsyncWarning('late-chunk', `${late} cue(s) arrived after their audio; joined mid-way`));
    this.track.dropBefore(now - 1);
    return kept;
  }

  /** Schedules a whole utterance at once: `beginUtterance(audioStart)` then `push(cues)`. */
  schedule(cues: readonly unknown[], audioStart: number): number {
    this.beginUtterance(audioStart);
    return this.push(cues);
  }

  /** Drops every cue not yet heard and eases the mouth shut within `closeTime`. */
  interrupt(): void {
    const now = this.pausedAt ?? this.now;
    this.track.truncate(now);
    this.fadeFrom = now;
    this.pausedAt = null;
    this.events.emit('interrupted', { audioTime: now });
  }

  /** Freezes the timeline (the audio is paused): the mouth eases shut; `resume()` continues where it was. */
  pause(): void {
    if (this.pausedAt !== null) return;
    this.pausedAt = this.now;
    this.fadeFrom = this.pausedAt;
    this.events.emit('paused', { audioTime: this.pausedAt });
  }

  /** Continues after `pause()`: cues not yet heard are shifted by the time spent paused. */
  resume(): void {
    if (this.pausedAt === null) return;
    const now = this.now;
    const pausedFor = Math.max(0, now - this.pausedAt);
    this.track.shiftFrom(this.pausedAt, pausedFor);
    this.pausedAt = null;
    this.fadeFrom = Number.NEGATIVE_INFINITY;
    this.events.emit('resumed', { audioTime: now, pausedFor });
  }

  /**
   * Writes the mouth's viseme weights for the audio heard now into `out` (15 entries). Returns the total
   * non-rest weight (0 = mouth at rest). Allocation-free; after `dispose()` it writes rest.
   */
  sample(out: Float32Array): number {
    if (this.disposed) return this.rest(out);
    this.sampleAt(this.now, out);
    return 1 - out[VisemeIndex.sil]!;
  }

  /**
   * The per-frame call of a driver: while {@link VisemeScheduler.speaking}, writes the mouth into `out` as
   * {@link VisemeScheduler.sample} does and returns true; otherwise leaves `out` alone and returns false. Reads the
   * clock once, and returns no number (a number returned from a call V8 does not inline is a boxed allocation).
   */
  sampleIfSpeaking(out: Float32Array): boolean {
    if (this.disposed) return false;
    const now = this.now;
    if (!this.speakingAt(this.pausedAt ?? now)) return false;
    this.sampleAt(now, out);
    return true;
  }

  /** Writes the mouth at audible time `now` into `out` (its rest weight `sil` is 1 minus the rest). */
  private sampleAt(now: number, out: Float32Array): void {
    const paused = this.pausedAt !== null;
    const time = paused ? this.pausedAt! : now + this.visualLead;
    const energy = this.energy && !paused ? this.energy(time) : 1;
    this.coarticulator.sample(this.track, time, this.scratch, energy);
    const fade = now < this.fadeFrom + this.closeTime ? (now - this.fadeFrom) / this.closeTime : 1;
    const factor = paused ? Math.max(0, 1 - fade) : fade < 1 ? Math.min(1, Math.max(0, 1 - fade)) : 1;
    if (factor < 1) this.scale(factor);
    out.set(this.scratch);
  }

  private scale(factor: number): void {
    let total = 0;
    for (let v = 0; v < VISEME_COUNT; v++) {
      if (v === VisemeIndex.sil) continue;
      this.scratch[v]! *= factor;
      total += this.scratch[v]!;
    }
    this.scratch[VisemeIndex.sil] = 1 - total;
  }

  private rest(out: Float32Array): number {
    out.fill(0);
    out[VisemeIndex.sil] = 1;
    return 0;
  }

  /** The scheduled cues on the audio clock (debugging, tests; allocates). */
  cues() {
    return this.track.toCues();
  }

  /** Drops all cues and listeners. */
  dispose(): void {
    this.disposed = true;
    this.track.clear();
    this.events.removeAllListeners();
  }
}
