/** Participant roles, as the server sets them in participant attributes (never taken from a message). */
export type ParticipantRole = 'customer' | 'agent' | 'operator';

/** Who sent something, as the transport knows it from the room. */
export interface MessageSender {
  /** Participant identity. */
  readonly identity: string;
  /** Role read from the sender's server-set attributes; null when it has none or an unknown one. */
  readonly role: ParticipantRole | null;
}

/** A refused payload: a machine-readable `code` plus the error. */
export interface CodecRejection {
  /** E.g. 'malformed', 'too-large', 'forbidden-sender', 'version-unsupported'. */
  readonly code: string;
  readonly error: Error;
  /** True when the sender speaks a newer protocol major version ("please upgrade"). */
  readonly upgradeNeeded: boolean;
  /** True when the sender's role may not send this: a security event. */
  readonly forbidden: boolean;
}

/** The outcome of {@link MessageCodec.decode}; decoding never throws. */
export type CodecResult<M> =
  | { readonly ok: true; readonly message: M }
  | ({ readonly ok: false } & CodecRejection);

/**
 * How the transport turns payloads into messages and back. The transport knows rooms, not message shapes: the
 * default is `protocolCodec` (`@digital-human/protocol`), and tests or other wire formats can pass their own.
 *
 * @typeParam In - messages the browser receives.
 * @typeParam Out - messages the browser sends.
 */
export interface MessageCodec<In, Out = In> {
  /** The role from a participant's attributes, or null (such a participant may send nothing). */
  roleFromAttributes(attributes: Readonly<Record<string, string>> | undefined): ParticipantRole | null;
  /** Topics to listen on for data packets and text streams. */
  readonly topics: readonly string[];
  /** Validates one payload from a sender with `role`, including whether that role may send it. */
  decode(payload: Uint8Array | string, role: ParticipantRole | null): CodecResult<In>;
  /** Validates and serialises an outgoing message; throws when it is invalid or too large. */
  encode(message: Out): { readonly topic: string; readonly payload: Uint8Array };
}
