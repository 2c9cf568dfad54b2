import type { HANDOFF_REASONS } from '@digital-human/protocol';

/** Why the dialog asks for a human (the protocol's handoff reasons). */
export type HandoffReason = (typeof HANDOFF_REASONS)[number];

/** Tuning for {@link EscalationPolicy}. */
export interface EscalationOptions {
  /** Consecutive negative sentiment summaries that trigger a handoff (default 3). */
  readonly negativeStreak?: number;
  /** Minimum confidence for a sentiment summary to count (default 0.6). */
  readonly minConfidence?: number;
  /** Consecutive customer turns without progress that trigger a handoff (default 3). */
  readonly turnsWithoutProgress?: number;
}

/** A sentiment summary as the policy needs it. */
export interface SentimentSample {
  readonly label: string;
  readonly valence: number;
  readonly confidence: number;
}

/**
 * Decides when to escalate to a human: an explicit request or a complaint (decided by the caller), a streak of
 * negative sentiment, or N turns without progress. Raises at most one request until {@link reset}.
 */
export class EscalationPolicy {
  private readonly negativeLimit: number;
  private readonly minConfidence: number;
  private readonly noProgressLimit: number;
  private negative = 0;
  private noProgress = 0;
  private raised = false;

  constructor(options: EscalationOptions = {}) {
    this.negativeLimit = options.negativeStreak ?? 3;
    this.minConfidence = options.minConfidence ?? 0.6;
    this.noProgressLimit = options.turnsWithoutProgress ?? 3;
  }

  /** True once a request has been raised (and not reset). */
  get requested(): boolean {
    return this.raised;
  }

  /** Counts a sentiment summary; returns 'negative_sentiment' when the streak reaches its limit. */
  observeSentiment(sample: SentimentSample): HandoffReason | null {
    if (sample.confidence < this.minConfidence) return null;
    const negative = sample.label === 'negative' || sample.valence <= -0.5;
    this.negative = negative ? this.negative + 1 : 0;
    return this.negative >= this.negativeLimit ? this.raise('negative_sentiment') : null;
  }

  /** Counts a customer turn; returns 'no_progress' when too many turns in a row made none. */
  observeTurn(progress: boolean): HandoffReason | null {
    this.noProgress = progress ? 0 : this.noProgress + 1;
    return this.noProgress >= this.noProgressLimit ? this.raise('no_progress') : null;
  }

  /** Raises a request for `reason` unless one is already pending; returns the reason or null. */
  raise(reason: HandoffReason): HandoffReason | null {
    if (this.raised) return null;
    this.raised = true;
    return reason;
  }

  /** Clears the counters and allows a new request (after a hand-back). */
  reset(): void {
    this.negative = 0;
    this.noProgress = 0;
    this.raised = false;
  }
}
