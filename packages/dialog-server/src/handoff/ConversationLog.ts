import type { MessageOf } from '@digital-human/protocol';
import type { HumanTurn } from '../SessionEvents';
import type { SentimentSummary, TranscriptEntry } from './handoffTypes';

/** Options of a {@link ConversationLog}. */
export interface ConversationLogOptions {
  /** Lines kept (default 64). */
  readonly maxLines?: number;
  /** Smoothing of the valence, 0..1 weight of a new summary (default 0.3). */
  readonly smoothing?: number;
  /** Summaries below this confidence are ignored (default 0.5). */
  readonly minConfidence?: number;
}

/**
 * What the operator needs to pick up a conversation: the transcript so far, the customer's mood from the on-device
 * sentiment summaries, the flow and step, and the lines said while a human drove (handed back to the engine).
 */
export class ConversationLog {
  private readonly lines: TranscriptEntry[] = [];
  private readonly maxLines: number;
  private readonly smoothing: number;
  private readonly minConfidence: number;
  private mood: SentimentSummary = { label: 'unknown', valence: 0, negativeStreak: 0, samples: 0 };
  /** Index in the whole history where the current human part began; -1 when no human drives. */
  private humanFrom = -1;
  private total = 0;

  constructor(options: ConversationLogOptions = {}) {
    this.maxLines = options.maxLines ?? 64;
    this.smoothing = options.smoothing ?? 0.3;
    this.minConfidence = options.minConfidence ?? 0.5;
  }

  /** The transcript (the last `maxLines` lines), oldest first. */
  get transcript(): readonly TranscriptEntry[] {
    return this.lines;
  }

  /** The customer's mood so far. */
  get sentiment(): SentimentSummary {
    return this.mood;
  }

  /** Adds a final line. Empty text is ignored. */
  add(speaker: TranscriptEntry['speaker'], text: string, ts: number): void {
    const trimmed = text.trim();
    if (!trimmed) return;
    this.lines.push({ speaker, text: trimmed, ts });
    this.total += 1;
    if (this.lines.length > this.maxLines) this.lines.splice(0, this.lines.length - this.maxLines);
  }

  /** Folds one on-device sentiment summary into the mood. */
  sentimentSummary(m: MessageOf<'user.sentiment'>): void {
    if (m.confidence < this.minConfidence) return;
    const negative = m.label === 'negative' || m.valence <= -0.5;
    const prev = this.mood;
    const valence =
      prev.samples === 0 ? m.valence : prev.valence + (m.valence - prev.valence) * this.smoothing;
    this.mood = {
      label: m.label,
      valence: Math.round(valence * 1000) / 1000,
      negativeStreak: negative ? prev.negativeStreak + 1 : 0,
      samples: prev.samples + 1,
    };
  }

  /** A human starts driving: the lines from now on are the human part. */
  beginHuman(): void {
    if (this.humanFrom < 0) this.humanFrom = this.total;
  }

  /**
   * Ends the human part and returns its lines (at most the last 32, as `handoff.hand_back` carries), for
   * `Session.resumeAgent`.
   */
  endHuman(): HumanTurn[] {
    if (this.humanFrom < 0) return [];
    const count = Math.min(this.total - this.humanFrom, this.lines.length);
    this.humanFrom = -1;
    return this.lines
      .slice(this.lines.length - count)
      .slice(-32)
      .map((l) => ({ ...l }));
  }
}
