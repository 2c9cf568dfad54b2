import { Limits } from '../limits';
import {
  type InferShape,
  literal,
  number,
  object,
  optional,
  type Schema,
  type Shape,
  string,
} from '../schemaIndex';

/** Identifier characters allowed on the wire. */
const ID_PATTERN = /^[A-Za-z0-9._:-]+$/;

/** An identifier: 1..64 of `[A-Za-z0-9._:-]`. */
export const id = (): Schema<string> => string(Limits.maxIdLength, { min: 1, pattern: ID_PATTERN });
/** A short label (title, button text). Plain text. */
export const label = (): Schema<string> => string(Limits.maxLabelLength);
/** Body text. Plain text: render as text, never as HTML. */
export const text = (): Schema<string> => string(Limits.maxTextLength);
/** A BCP 47 language tag such as `zh-CN` or `en`. */
export const language = (): Schema<string> =>
  string(35, { min: 2, pattern: /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/ });
/** An http(s) or relative URL; `javascript:` and `data:` are refused. */
export const url = (): Schema<string> => string(Limits.maxUrlLength, { pattern: /^(https?:\/\/|\/)[^\s]*$/ });
/** A weight or probability in 0..1. */
export const unit = (): Schema<number> => number(0, 1);
/** Milliseconds, 0..24 h. */
export const millis = (): Schema<number> => number(0, 86_400_000);

/** The envelope every JSON message carries. */
export type Envelope<T extends string> = {
  /** Protocol version `major.minor`. */
  readonly v: Schema<string>;
  /** Message type. */
  readonly type: Schema<T>;
  /** Optional message id (acks refer to it). */
  readonly id: Schema<string, true>;
  /** Optional sender timestamp, ms since the epoch. */
  readonly ts: Schema<number, true>;
};

/** Declares a message schema: the envelope plus `shape`. */
export function message<const T extends string, const S extends Shape>(
  type: T,
  shape: S,
): Schema<InferShape<Omit<Envelope<T>, keyof S> & S>> {
  const envelope: Envelope<T> = {
    v: string(16),
    type: literal(type),
    id: optional(id()),
    ts: optional(number(0, 8.64e15)),
  };
  return object({ ...envelope, ...shape }) as unknown as Schema<InferShape<Omit<Envelope<T>, keyof S> & S>>;
}
