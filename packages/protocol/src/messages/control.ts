import { Limits } from '../limits';
import { array, boolean, enumOf, number, object, optional, string } from '../schemaIndex';
import { id, label, message, millis, text, unit } from './common';
import { SPEAKERS } from './speech';

/** The avatar's emotions (VRM 1.0 presets, as in `@digital-human/core`) plus `neutral` to clear. */
export const EMOTION_NAMES = ['neutral', 'happy', 'angry', 'sad', 'relaxed', 'surprised'] as const;

/** Show an emotion at `intensity` (0..1) for `durationMs` (0 = until the next cue). */
export const emotionCueSchema = message('emotion.cue', {
  emotion: enumOf(EMOTION_NAMES),
  intensity: unit(),
  durationMs: millis(),
  /** Optionally align to an utterance's audio time. */
  utteranceId: optional(id()),
  atMs: optional(millis()),
});

/** The conversational states the dialog service reports. */
export const DIALOG_STATES = ['idle', 'listening', 'thinking', 'speaking'] as const;

/** The dialog service's state, and where the customer is in a business flow. */
export const dialogStateSchema = message('dialog.state', {
  state: enumOf(DIALOG_STATES),
  flow: optional(id()),
  step: optional(id()),
  language: optional(string(35)),
});

/** Why a human is requested. */
export const HANDOFF_REASONS = [
  'explicit',
  'complaint',
  'complex_advice',
  'negative_sentiment',
  'no_progress',
  'flow_rule',
] as const;

/** Ask for a human operator, with the reason and the skills that fit (routing). */
export const handoffRequestSchema = message('handoff.request', {
  reason: enumOf(HANDOFF_REASONS),
  skills: optional(array(id(), 8)),
  note: optional(label()),
  flow: optional(id()),
  step: optional(id()),
});

/** The operator takes over the avatar: the agent stops speaking and the controller becomes human. */
export const handoffTakeOverSchema = message('handoff.take_over', {
  operatorId: optional(id()),
  /** Crossfade to the operator's face over this many ms (default ~300). */
  crossfadeMs: optional(number(0, 5_000)),
});

/** One line of the conversation, for handing the human part back to the dialog service. */
export const transcriptLineSchema = object({
  speaker: enumOf(SPEAKERS),
  text: text(),
  ts: optional(number(0, 8.64e15)),
});

/** The operator hands the avatar back to the AI, with what was said while the human drove. */
export const handoffHandBackSchema = message('handoff.hand_back', {
  summary: optional(text()),
  transcript: optional(array(transcriptLineSchema, 32)),
  crossfadeMs: optional(number(0, 5_000)),
});

/** Who drives the avatar now. */
export const CONTROLLERS = ['ai', 'human'] as const;

/** The controller state, broadcast when it changes and on resync. */
export const handoffStateSchema = message('handoff.state', {
  controller: enumOf(CONTROLLERS),
  /** A handoff request is waiting for an operator. */
  pending: boolean(),
  reason: optional(enumOf(HANDOFF_REASONS)),
  operatorId: optional(id()),
  /** Estimated wait for an operator, ms. */
  waitMs: optional(millis()),
});

/** One line of agent-assist facts (e.g. a card's annual fee) for the operator console. */
export const assistFactSchema = object({ label: label(), value: label() });

/**
 * Agent assist while a human drives: suggested replies and relevant facts for the operator console. The dialog
 * service sends it to operators only (destination identities); it is never shown to the customer.
 */
export const handoffAssistSchema = message('handoff.assist', {
  suggestions: array(text(), 5),
  facts: optional(array(assistFactSchema, 8)),
});

/** Acknowledges a message by its `id` (user actions are retried until acknowledged). */
export const ackSchema = message('ack', {
  ackId: id(),
  ok: boolean(),
  error: optional(string(Limits.maxLabelLength)),
});
