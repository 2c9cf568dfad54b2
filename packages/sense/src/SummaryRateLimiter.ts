import type { SentimentState, SentimentSummary } from './SentimentState';
import { toSentimentSummary } from './SentimentState';

/** Options of a {@link SummaryRateLimiter}. */
export interface SummaryRateLimiterOptions {
  /** At most one summary per this many ms (default 1000). */
  intervalMs?: number;
  /** Send a summary at least this often while sensing, even when nothing changed, in ms (default 5000). */
  heartbeatMs?: number;
  /** A valence or attention change smaller than this is "nothing changed" (default 0.05). */
  minChange?: number;
}

/**
 * Decides when a sentiment summary is worth sending as `user.sentiment`: at most once per `intervalMs`, only when
 * something changed (label, presence, or valence/attention by `minChange`) or the heartbeat is due. A presence
 * change is sent as soon as the interval allows, even when no further frame arrives ({@link flush}).
 */
export class SummaryRateLimiter {
  private readonly intervalMs: number;
  private readonly heartbeatMs: number;
  private readonly minChange: number;
  private last: SentimentSummary | null = null;
  private lastMs = Number.NEGATIVE_INFINITY;
  private readonly send: (summary: SentimentSummary) => void;

  /** `send` receives each summary that passes. */
  constructor(send: (summary: SentimentSummary) => void, options: SummaryRateLimiterOptions = {}) {
    this.send = send;
    this.intervalMs = Math.max(0, options.intervalMs ?? 1000);
    this.heartbeatMs = Math.max(this.intervalMs, options.heartbeatMs ?? 5000);
    this.minChange = options.minChange ?? 0.05;
  }

  /** The last summary sent, or null. */
  get lastSent(): SentimentSummary | null {
    return this.last;
  }

  /**
   * Offers the current state at `nowMs`; sends a summary when due and changed. Cheap when not due (no allocation).
   * Returns true when a summary was sent.
   */
  offer(state: SentimentState, nowMs: number): boolean {
    if (nowMs - this.lastMs < this.intervalMs) return false;
    if (!this.changed(state) && nowMs - this.lastMs < this.heartbeatMs) return false;
    return this.emit(state, nowMs);
  }

  /** Sends the state now if it differs from the last summary, ignoring the interval (e.g. when sensing stops). */
  flush(state: SentimentState, nowMs: number): boolean {
    return this.changed(state) ? this.emit(state, nowMs) : false;
  }

  /** Forgets what was sent. */
  reset(): void {
    this.last = null;
    this.lastMs = Number.NEGATIVE_INFINITY;
  }

  private changed(s: SentimentState): boolean {
    const last = this.last;
    if (!last) return true;
    return (
      last.label !== s.label ||
      last.presence !== s.presence ||
      Math.abs(last.valence - s.valence) >= this.minChange ||
      Math.abs(last.attention - s.attention) >= this.minChange
    );
  }

  private emit(state: SentimentState, nowMs: number): boolean {
    this.last = toSentimentSummary(state);
    this.lastMs = nowMs;
    this.send(this.last);
    return true;
  }
}
