/** Why the dialog service refused or failed something. */
export const DialogServerErrorCode = {
  /** A token request body was not what the endpoint accepts. */
  badRequest: 'bad-request',
  /** An operator token was asked without the right operator secret (or none is configured). */
  forbidden: 'forbidden',
  /** A message came from a participant that is not this session's customer (or has no usable role). */
  notTheCustomer: 'not-the-customer',
  /** The agent could not join or talk to the room. */
  roomFailed: 'room-failed',
  /** Streaming speech to the customer failed. */
  speechFailed: 'speech-failed',
  /** A recoverable problem in the dialog engine or the synthesiser. */
  dialogWarning: 'dialog-warning',
  /** Configuration is missing or invalid (API key/secret, URL). */
  config: 'config',
  /** Used after `dispose()`. */
  disposed: 'disposed',
} as const;
/** One of the {@link DialogServerErrorCode} values. */
export type DialogServerErrorCode = (typeof DialogServerErrorCode)[keyof typeof DialogServerErrorCode];

/** A typed failure of the dialog service: a `code`, a message prefixed with the owner, and the `cause`. */
export class DialogServerError extends Error {
  override readonly name = 'DialogServerError';
  /** Machine-readable reason. */
  readonly code: DialogServerErrorCode;

  constructor(code: DialogServerErrorCode, reason: string, cause?: unknown) {
    super(`DigitalHuman dialog-server: ${reason}`, cause === undefined ? undefined : { cause });
    this.code = code;
  }

  /** A bad token request. */
  static badRequest(reason: string): DialogServerError {
    return new DialogServerError(DialogServerErrorCode.badRequest, reason);
  }

  /** A refused operator token. */
  static forbidden(reason: string): DialogServerError {
    return new DialogServerError(DialogServerErrorCode.forbidden, reason);
  }

  /** A message from someone other than the session's customer. */
  static notTheCustomer(identity: string, what: string): DialogServerError {
    return new DialogServerError(
      DialogServerErrorCode.notTheCustomer,
      `${what} from '${identity}' ignored: not this session's customer`,
    );
  }

  /** The agent's room failed. */
  static roomFailed(reason: string, cause?: unknown): DialogServerError {
    return new DialogServerError(DialogServerErrorCode.roomFailed, reason, cause);
  }

  /** Speech could not be streamed. */
  static speechFailed(reason: string, cause?: unknown): DialogServerError {
    return new DialogServerError(DialogServerErrorCode.speechFailed, reason, cause);
  }

  /** A dialog engine or synthesiser warning. */
  static dialogWarning(reason: string): DialogServerError {
    return new DialogServerError(DialogServerErrorCode.dialogWarning, reason);
  }

  /** Missing or invalid configuration. */
  static config(reason: string): DialogServerError {
    return new DialogServerError(DialogServerErrorCode.config, reason);
  }

  /** Used after dispose(). */
  static disposed(what: string): DialogServerError {
    return new DialogServerError(DialogServerErrorCode.disposed, `${what} after dispose()`);
  }
}
