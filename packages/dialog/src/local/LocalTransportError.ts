/** Why the local transport failed. */
export const LocalTransportErrorCode = {
  /** The dialog worker could not start or crashed (the transport falls back to the page's thread). */
  workerFailed: 'worker-failed',
  /** The dialog side sent something that is not a valid reply: dropped. */
  malformedReply: 'malformed-reply',
  /** Speech could not be synthesised or played. */
  speechFailed: 'speech-failed',
  /** `send()` before `connect()`, or a message that does not validate. */
  sendFailed: 'send-failed',
  /** Used after `dispose()`. */
  disposed: 'disposed',
} as const;
/** One of the {@link LocalTransportErrorCode} values. */
export type LocalTransportErrorCode = (typeof LocalTransportErrorCode)[keyof typeof LocalTransportErrorCode];

/** A typed local-transport failure: a code, a message prefixed with the owner, and the cause. */
export class LocalTransportError extends Error {
  override readonly name = 'LocalTransportError';
  /** Machine-readable reason. */
  readonly code: LocalTransportErrorCode;

  constructor(code: LocalTransportErrorCode, reason: string, cause?: unknown) {
    super(`DigitalHuman LocalTransport: ${reason}`, cause === undefined ? undefined : { cause });
    this.code = code;
  }

  /** The worker failed; `cause` is its error event or exception. */
  static workerFailed(cause: unknown): LocalTransportError {
    return new LocalTransportError(LocalTransportErrorCode.workerFailed, 'the dialog worker failed', cause);
  }

  /** A reply from the dialog side was refused. */
  static malformedReply(reason: string, cause?: unknown): LocalTransportError {
    return new LocalTransportError(
      LocalTransportErrorCode.malformedReply,
      `malformed reply: ${reason}`,
      cause,
    );
  }

  /** Speech failed. */
  static speechFailed(reason: string, cause?: unknown): LocalTransportError {
    return new LocalTransportError(LocalTransportErrorCode.speechFailed, reason, cause);
  }

  /** A send failed. */
  static sendFailed(reason: string, cause?: unknown): LocalTransportError {
    return new LocalTransportError(LocalTransportErrorCode.sendFailed, reason, cause);
  }

  /** Used after dispose. */
  static disposed(method: string): LocalTransportError {
    return new LocalTransportError(LocalTransportErrorCode.disposed, `${method} after dispose()`);
  }
}
