import { Limits } from '../limits';
import { array, boolean, enumOf, number, optional, record, string, union } from '../schemaIndex';
import { id, language, message, text, unit } from './common';

/** A scalar value in a user-action payload. */
const scalar = union(string(Limits.maxLabelLength * 5), number(-1e15, 1e15), boolean());

/** A user-action payload: a flat map of scalars or short scalar lists (no nesting, bounded size). */
export const actionPayloadSchema = record(union(scalar, array(scalar, Limits.maxListItems)), {
  maxKeys: Limits.maxPayloadKeys,
});

/**
 * Something the customer did in the UI (tap a quick reply, submit a form, acknowledge a disclosure).
 * `id` is an idempotency key: the browser retries until acknowledged and the service handles each id once.
 */
export const userActionSchema = message('user.action', {
  id: id(),
  kind: id(),
  /** The `ui.*` message or element this action answers. */
  target: optional(id()),
  payload: optional(actionPayloadSchema),
});

/** Typed text (or quick-reply text) from the customer. */
export const userTextSchema = message('user.text', {
  id: id(),
  text: string(1000, { min: 1 }),
  language: optional(language()),
});

/** Coarse sentiment labels computed on the device. */
export const SENTIMENT_LABELS = ['positive', 'neutral', 'negative', 'confused', 'unknown'] as const;

/** An on-device sentiment summary: derived numbers only, camera frames never leave the device. */
export const userSentimentSchema = message('user.sentiment', {
  valence: number(-1, 1),
  arousal: unit(),
  label: enumOf(SENTIMENT_LABELS),
  confidence: unit(),
  /** A face is present in front of the camera. */
  presence: boolean(),
  /** 0..1: how much the customer looks at the screen. */
  attention: unit(),
});

/** The first message of a session: protocol version, capabilities and preferred language. */
export const helloSchema = message('hello', {
  protocolVersion: string(16),
  capabilities: array(id(), 32),
  language: language(),
  client: optional(text()),
});
