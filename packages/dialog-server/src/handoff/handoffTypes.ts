import type { HANDOFF_REASONS, SPEAKERS } from '@digital-human/protocol';

/** Why a human was requested (the protocol's handoff reasons). */
export type HandoffReason = (typeof HANDOFF_REASONS)[number];

/**
 * Where a session stands on the desk:
 * - `ai`: the AI agent talks, nobody asked for a human;
 * - `waiting`: a handoff request waits in the queue (the AI still talks);
 * - `live`: an operator drives the avatar (the agent is suspended);
 * - `holding`: the operator holds the session but is live on another one; the avatar says "one moment please"
 *   and idles attentively, the agent stays suspended;
 * - `background`: the operator holds the session but let the AI continue meanwhile.
 */
export type HandoffPhase = 'ai' | 'waiting' | 'live' | 'holding' | 'background';

/** What an operator does with the session they leave when switching to another one. */
export type AwayMode = 'hold' | 'ai';

/** One line of the conversation as the desk shows it. */
export interface TranscriptEntry {
  readonly speaker: (typeof SPEAKERS)[number];
  readonly text: string;
  /** ms since the epoch. */
  readonly ts: number;
}

/** The customer's mood as the on-device sentiment summaries tell it (numbers only, never video). */
export interface SentimentSummary {
  /** Label of the last confident summary (`unknown` before any). */
  readonly label: string;
  /** Smoothed valence, -1..1. */
  readonly valence: number;
  /** Consecutive negative summaries. */
  readonly negativeStreak: number;
  /** Summaries received. */
  readonly samples: number;
}

/** A bank operator as the desk routes to them. */
export interface OperatorProfile {
  /** The operator's participant identity (from the operator token). */
  readonly id: string;
  /** Display name. */
  readonly name?: string;
  /** Skills configured by the bank, e.g. `soothing`, `complaints`, `wealth`, `cards`, `general`. */
  readonly skills: readonly string[];
  /** Most sessions held at once (default 3). */
  readonly capacity?: number;
}

/** A session as the operator console sees it: the request, the customer's mood, where the flow is, the transcript. */
export interface HandoffTicket {
  readonly sessionId: string;
  /** The LiveKit room the session talks in (the console joins it to take over). */
  readonly room: string;
  readonly customerIdentity: string;
  readonly phase: HandoffPhase;
  readonly reason: HandoffReason | undefined;
  /** Skills the request asks for (routing). */
  readonly skills: readonly string[];
  readonly flow: string | undefined;
  readonly step: string | undefined;
  readonly language: string;
  /** When the request was raised, ms since the epoch. */
  readonly requestedAt: number | undefined;
  /** The operator holding the session (live, holding or background). */
  readonly operatorId: string | undefined;
  readonly sentiment: SentimentSummary;
  /** The conversation so far (the last lines). */
  readonly transcript: readonly TranscriptEntry[];
}

/** Agent assist for the operator who drives a session: suggested replies and facts. */
export interface AssistNote {
  readonly sessionId: string;
  readonly operatorId: string;
  readonly suggestions: readonly string[];
  readonly facts: readonly { readonly label: string; readonly value: string }[];
}

/** Something that must not change anything did not: a customer (or a stranger) tried operator control. */
export interface HandoffSecurityEvent {
  readonly sessionId: string;
  readonly identity: string;
  readonly role: string | null;
  /** What was tried, e.g. `handoff.take_over`. */
  readonly attempted: string;
}
