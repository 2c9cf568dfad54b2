/** Why the handoff desk refused a command. */
export const HandoffErrorCode = {
  /** The sender may not do this: not an operator, or not the operator who holds the session. */
  forbidden: 'forbidden',
  /** No such session, or no handoff request for it. */
  notFound: 'not-found',
  /** The command does not fit the session's phase (e.g. another operator already drives it). */
  conflict: 'conflict',
  /** The operator already holds as many sessions as allowed. */
  capacity: 'capacity',
  /** A desk request was malformed. */
  badRequest: 'bad-request',
} as const;
/** One of the {@link HandoffErrorCode} values. */
export type HandoffErrorCode = (typeof HandoffErrorCode)[keyof typeof HandoffErrorCode];

/** A refused handoff command: a `code`, a message prefixed with the owner, and the `cause`. */
export class HandoffError extends Error {
  override readonly name = 'HandoffError';
  /** Machine-readable reason. */
  readonly code: HandoffErrorCode;

  constructor(code: HandoffErrorCode, reason: string, cause?: unknown) {
    super(`DigitalHuman dialog-server handoff: ${reason}`, cause === undefined ? undefined : { cause });
    this.code = code;
  }

  /** The sender may not do `what`. */
  static forbidden(what: string): HandoffError {
    return new HandoffError(HandoffErrorCode.forbidden, what);
  }

  /** No session `sessionId` (or no request for it). */
  static notFound(sessionId: string): HandoffError {
    return new HandoffError(HandoffErrorCode.notFound, `no handoff session '${sessionId}'`);
  }

  /** `what` does not fit the session's phase. */
  static conflict(what: string): HandoffError {
    return new HandoffError(HandoffErrorCode.conflict, what);
  }

  /** The operator is at capacity. */
  static capacity(operatorId: string, capacity: number): HandoffError {
    return new HandoffError(
      HandoffErrorCode.capacity,
      `operator '${operatorId}' already holds ${capacity} sessions`,
    );
  }

  /** A malformed desk request. */
  static badRequest(reason: string): HandoffError {
    return new HandoffError(HandoffErrorCode.badRequest, reason);
  }
}
