import { ARKIT_COUNT, Emitter } from '@digital-human/core';
import { type AttentionLimits, attentionOf, DEFAULT_ATTENTION_LIMITS } from './attention';
import type { FaceSample } from './FaceSample';
import {
  type ActionUnits,
  type AffectScores,
  actionUnits,
  affectScores,
  arousalOf,
  defaultRest,
  valenceOf,
} from './facsAffect';
import { NeutralBaseline, type NeutralBaselineOptions } from './NeutralBaseline';
import { PresenceTracker, type PresenceTrackerOptions } from './PresenceTracker';
import { createSentimentState, type SentimentLabel, type SentimentState } from './SentimentState';

/** Options of a {@link SentimentEstimator}. */
export interface SentimentEstimatorOptions {
  /** Time constant of the exponential smoothing, in ms (default 150: a label follows a change within ~300 ms). */
  smoothingMs?: number;
  /** Score an expression needs to take the label from neutral (default 0.3). */
  labelEnter?: number;
  /** Score below which the label falls back to neutral (default 0.2). */
  labelExit?: number;
  /** Personal neutral baseline; `false` always uses the default resting face. */
  baseline?: NeutralBaselineOptions | false;
  /** Frames whose absolute scores exceed this are not used for the baseline (default 0.35). */
  baselineMaxScore?: number;
  presence?: PresenceTrackerOptions;
  attention?: AttentionLimits;
}

/** The events of a {@link SentimentEstimator}; payloads are the live state (read, never keep). */
export interface SentimentEstimatorEvents {
  /** A person arrived (presence rose, with hysteresis). */
  arrived: SentimentState;
  /** The person left (presence fell, with hysteresis); their baseline is forgotten. */
  left: SentimentState;
  /** The label changed. */
  label: SentimentState;
}

const LABELS: readonly Exclude<SentimentLabel, 'neutral'>[] = ['happy', 'sad', 'angry', 'surprised'];
const _au: ActionUnits = {
  au1: 0,
  au2: 0,
  au4: 0,
  au5: 0,
  au6: 0,
  au7: 0,
  au12: 0,
  au15: 0,
  au23: 0,
  au26: 0,
};
const _raw: AffectScores = { happy: 0, sad: 0, angry: 0, surprised: 0 };

/**
 * Turns face samples into customer sentiment: FACS mapping (see `affectScores`), minus a personal neutral
 * baseline once measured, smoothed into valence, arousal, a label with confidence, presence and attention.
 * Runs per frame without allocating.
 *
 * @example
 * ```ts
 * const estimator = new SentimentEstimator();
 * estimator.on('arrived', () => greeter.wake());
 * const state = estimator.update(sample);
 * ```
 */
export class SentimentEstimator extends Emitter<SentimentEstimatorEvents> {
  /** The live state, updated in place. */
  readonly state: SentimentState = createSentimentState();
  private readonly presence: PresenceTracker;
  private readonly baseline: NeutralBaseline | null;
  private readonly defaultRest = defaultRest(new Float32Array(ARKIT_COUNT));
  private readonly personalRest = new Float32Array(ARKIT_COUNT);
  private readonly tau: number;
  private readonly enter: number;
  private readonly exit: number;
  private readonly baselineMaxScore: number;
  private readonly limits: AttentionLimits;
  private smoothedOnce = false;
  private lastMs = 0;

  constructor(options: SentimentEstimatorOptions = {}) {
    super();
    this.tau = Math.max(1, options.smoothingMs ?? 150);
    this.enter = options.labelEnter ?? 0.3;
    this.exit = Math.min(this.enter, options.labelExit ?? 0.2);
    this.baselineMaxScore = options.baselineMaxScore ?? 0.35;
    this.presence = new PresenceTracker(options.presence);
    this.baseline = options.baseline === false ? null : new NeutralBaseline(options.baseline);
    this.limits = options.attention ?? DEFAULT_ATTENTION_LIMITS;
  }

  /** Feeds one frame's sample (face or no face) and returns the updated state. */
  update(sample: FaceSample): SentimentState {
    const s = this.state;
    const dt = this.smoothedOnce ? Math.max(0, sample.timeMs - this.lastMs) : 0;
    this.lastMs = sample.timeMs;
    s.timeMs = sample.timeMs;
    const alpha = this.smoothedOnce ? 1 - Math.exp(-dt / this.tau) : 1;
    if (sample.present) this.measure(sample);
    else _raw.happy = _raw.sad = _raw.angry = _raw.surprised = 0;
    const sc = s.scores;
    sc.happy += (_raw.happy - sc.happy) * alpha;
    sc.sad += (_raw.sad - sc.sad) * alpha;
    sc.angry += (_raw.angry - sc.angry) * alpha;
    sc.surprised += (_raw.surprised - sc.surprised) * alpha;
    s.attention += (attentionOf(sample, this.limits) - s.attention) * alpha;
    s.valence = valenceOf(sc);
    s.arousal = arousalOf(sc);
    this.smoothedOnce = true;
    this.updateLabel();
    this.updatePresence(sample);
    return s;
  }

  /** Forgets everything (new session); reports nothing. */
  reset(): void {
    const scores = this.state.scores;
    Object.assign(this.state, createSentimentState(), { scores });
    scores.happy = scores.sad = scores.angry = scores.surprised = 0;
    this.presence.reset();
    this.baseline?.reset();
    this.smoothedOnce = false;
  }

  /**
   * Ends presence now (the camera stopped): emits `left` if someone was present, then resets.
   */
  end(): void {
    if (this.presence.isPresent) {
      this.state.presence = false;
      this.emit('left', this.state);
    }
    this.reset();
  }

  /** Removes all listeners. */
  dispose(): void {
    this.removeAllListeners();
  }

  private measure(sample: FaceSample): void {
    const b = this.baseline;
    const rest = b?.ready ? this.personalRest : this.defaultRest;
    affectScores(actionUnits(sample.blendshapes, rest, _au), _raw);
    if (!b || b.ready) return;
    const strongest = Math.max(_raw.happy, _raw.sad, _raw.angry, _raw.surprised);
    if (strongest <= this.baselineMaxScore && b.add(sample.blendshapes, sample.timeMs)) {
      // Never let a baseline make the face more sensitive than the average resting face by much.
      for (let i = 0; i < ARKIT_COUNT; i++) {
        this.personalRest[i] = Math.max(b.weights[i] ?? 0, (this.defaultRest[i] ?? 0) * 0.5);
      }
      this.state.baselineReady = true;
    }
  }

  private updateLabel(): void {
    const s = this.state;
    let top: SentimentLabel = 'neutral';
    let best = 0;
    let second = 0;
    for (let i = 0; i < LABELS.length; i++) {
      const label = LABELS[i]!;
      const v = s.scores[label];
      if (v > best) {
        second = best;
        best = v;
        top = label;
      } else if (v > second) second = v;
    }
    const current = s.label;
    const currentScore = current === 'neutral' ? 0 : s.scores[current];
    let next: SentimentLabel = current;
    if (current === 'neutral') next = best >= this.enter ? top : 'neutral';
    else if (currentScore < this.exit) next = best >= this.enter ? top : 'neutral';
    else if (top !== current && best > currentScore + 0.1) next = top;
    s.confidence =
      next === 'neutral'
        ? 1 - Math.min(1, best / this.enter)
        : Math.min(1, s.scores[next] * 1.2 - second * 0.5);
    if (s.confidence < 0) s.confidence = 0;
    if (next !== current) {
      s.label = next;
      this.emit('label', s);
    }
  }

  private updatePresence(sample: FaceSample): void {
    const change = this.presence.update(sample.present, sample.timeMs);
    if (!change) return;
    this.state.presence = change === 'arrived';
    if (change === 'arrived') {
      this.emit('arrived', this.state);
      return;
    }
    this.emit('left', this.state);
    this.reset();
  }
}
