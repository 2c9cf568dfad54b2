import type { AffectScores } from './facsAffect';

/** The customer's expression as a label: the four FACS prototypes or neutral. */
export const SentimentLabel = {
  happy: 'happy',
  neutral: 'neutral',
  sad: 'sad',
  angry: 'angry',
  surprised: 'surprised',
} as const;
/** One of the {@link SentimentLabel} values. */
export type SentimentLabel = (typeof SentimentLabel)[keyof typeof SentimentLabel];

/**
 * The estimator's live view of the customer, updated in place every processed frame (read it, never keep it;
 * use {@link toSentimentSummary} for a copy).
 */
export interface SentimentState {
  /** A person is in front of the camera (with hysteresis). */
  presence: boolean;
  /** How much they look at the screen, 0..1 (smoothed). */
  attention: number;
  /** -1 (negative) .. 1 (positive), smoothed. */
  valence: number;
  /** 0 (calm) .. 1 (excited), smoothed. */
  arousal: number;
  /** The dominant expression. */
  label: SentimentLabel;
  /** Confidence in `label`, 0..1. */
  confidence: number;
  /** The smoothed expression scores (0..1) behind the label. */
  readonly scores: AffectScores;
  /** A personal neutral baseline is being subtracted (false during the first seconds: absolute values are used). */
  baselineReady: boolean;
  /** Time of the last processed frame, in ms. */
  timeMs: number;
}

/** Creates a state for "nobody there". */
export function createSentimentState(): SentimentState {
  return {
    presence: false,
    attention: 0,
    valence: 0,
    arousal: 0,
    label: 'neutral',
    confidence: 0,
    scores: { happy: 0, sad: 0, angry: 0, surprised: 0 },
    baselineReady: false,
    timeMs: 0,
  };
}

/**
 * What the dialog service receives as `user.sentiment`: only derived numbers, rounded to two decimals, never an
 * image. Built at the summary rate (about once a second), so it may allocate.
 */
export interface SentimentSummary {
  readonly presence: boolean;
  /** 0..1 */
  readonly attention: number;
  /** -1..1 */
  readonly valence: number;
  /** 0..1 */
  readonly arousal: number;
  readonly label: SentimentLabel;
  /** 0..1 */
  readonly confidence: number;
  /** A personal neutral baseline was in use. */
  readonly baseline: boolean;
  /** Time of the frame it describes, in ms on the sensing clock. */
  readonly timeMs: number;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Copies the state into a rounded {@link SentimentSummary}. */
export function toSentimentSummary(state: SentimentState): SentimentSummary {
  return {
    presence: state.presence,
    attention: round2(state.attention),
    valence: round2(state.valence),
    arousal: round2(state.arousal),
    label: state.label,
    confidence: round2(state.confidence),
    baseline: state.baselineReady,
    timeMs: Math.round(state.timeMs),
  };
}

/** The coarse labels of the wire message `user.sentiment` (`@digital-human/protocol`'s `SENTIMENT_LABELS`). */
export type CoarseSentimentLabel = 'positive' | 'neutral' | 'negative' | 'confused' | 'unknown';

/** The fields of the `user.sentiment` wire message, nothing more (sense does not import the protocol package). */
export interface WireSentiment {
  readonly valence: number;
  readonly arousal: number;
  readonly label: CoarseSentimentLabel;
  readonly confidence: number;
  readonly presence: boolean;
  readonly attention: number;
}

/**
 * Maps a summary onto the `user.sentiment` message: happy → positive; sad, angry → negative; surprised → negative
 * when the valence is, else neutral; nobody present → unknown. (No facial prototype is mapped to `confused`.)
 */
export function toWireSentiment(summary: SentimentSummary): WireSentiment {
  let label: CoarseSentimentLabel;
  if (!summary.presence) label = 'unknown';
  else if (summary.label === 'happy') label = 'positive';
  else if (summary.label === 'sad' || summary.label === 'angry') label = 'negative';
  else if (summary.label === 'surprised' && summary.valence < -0.1) label = 'negative';
  else label = 'neutral';
  return {
    valence: summary.valence,
    arousal: summary.arousal,
    label,
    confidence: summary.presence ? summary.confidence : 0,
    presence: summary.presence,
    attention: summary.attention,
  };
}
