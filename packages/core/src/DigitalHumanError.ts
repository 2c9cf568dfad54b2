/**
 * The codes of the SDK-wide {@link DigitalHumanError}. Packages define their own unions for their subclasses.
 */
export type DigitalHumanErrorCode =
  | 'invalid-argument'
  | 'invalid-state'
  | 'disposed'
  | 'timeout'
  | 'aborted'
  | 'not-supported'
  | 'driver-failed'
  | 'internal';

/** Options of a {@link DigitalHumanError}. */
export interface DigitalHumanErrorOptions {
  /** The underlying error (a rejected fetch, a decoder exception...). Kept as the standard `Error.cause`. */
  cause?: unknown;
}

/**
 * The base error of the whole SDK: a machine-readable `code`, a message prefixed with its owner
 * (`'DigitalHuman: ...'`), and the `cause`.
 *
 * Subclassing: set the static `owner` (the message prefix) and `name`, and narrow the code union:
 * ```ts
 * type AvatarLoadErrorCode = 'fetch-failed' | 'not-vrm';
 * export class AvatarLoadError extends DigitalHumanError<AvatarLoadErrorCode> {
 *   static override readonly owner = 'DigitalHuman.Avatar';
 *   override readonly name = 'AvatarLoadError';
 *   static notVrm(url: string, cause?: unknown): AvatarLoadError {
 *     return new AvatarLoadError('not-vrm', `${url} is not a VRM file`, { cause });
 *   }
 * }
 * ```
 * The prefix is read from the constructed class (`new.target.owner`), so subclasses need no constructor.
 *
 * @typeParam Code - the union of codes this class can carry.
 */
export class DigitalHumanError<Code extends string = DigitalHumanErrorCode> extends Error {
  /** Message prefix of this class and its instances; subclasses override it. */
  static readonly owner: string = 'DigitalHuman';

  override readonly name: string = 'DigitalHumanError';
  /** Machine-readable reason; stable across releases, unlike the message. */
  readonly code: Code;
  /** The prefix the message was built with (e.g. `'DigitalHuman'`). */
  readonly owner: string;

  /**
   * @param code - machine-readable reason.
   * @param message - human-readable text, without the owner prefix (added here).
   * @param options - the `cause`, if any.
   */
  constructor(code: Code, message: string, options?: DigitalHumanErrorOptions) {
    const owner = (new.target as typeof DigitalHumanError).owner;
    const full = `${owner}: ${message}`;
    if (options && 'cause' in options) super(full, { cause: options.cause });
    else super(full);
    this.code = code;
    this.owner = owner;
  }

  /** True when `value` is a `DigitalHumanError` (of any subclass), optionally with the given code. */
  static is(value: unknown, code?: string): value is DigitalHumanError<string> {
    return value instanceof DigitalHumanError && (code === undefined || value.code === code);
  }

  /** A caller passed a value the SDK cannot use. */
  static invalidArgument(message: string, cause?: unknown): DigitalHumanError {
    return new DigitalHumanError('invalid-argument', message, withCause(cause));
  }

  /** The operation is not allowed in the object's current state. */
  static invalidState(message: string, cause?: unknown): DigitalHumanError {
    return new DigitalHumanError('invalid-state', message, withCause(cause));
  }

  /** The object was used after `dispose()`. */
  static disposed(what: string): DigitalHumanError {
    return new DigitalHumanError('disposed', `${what} was used after dispose()`);
  }

  /** Something did not happen in time. */
  static timeout(message: string, cause?: unknown): DigitalHumanError {
    return new DigitalHumanError('timeout', message, withCause(cause));
  }

  /** The operation was cancelled (an `AbortSignal`, an interruption). */
  static aborted(message: string, cause?: unknown): DigitalHumanError {
    return new DigitalHumanError('aborted', message, withCause(cause));
  }

  /** The platform lacks a capability (WebGL2, AudioContext, camera...). */
  static notSupported(message: string, cause?: unknown): DigitalHumanError {
    return new DigitalHumanError('not-supported', message, withCause(cause));
  }

  /** A driver threw from `update`; the mixer removed it. */
  static driverFailed(driverName: string, cause: unknown): DigitalHumanError {
    return new DigitalHumanError('driver-failed', `driver "${driverName}" threw and was removed`, { cause });
  }
}

function withCause(cause: unknown): DigitalHumanErrorOptions | undefined {
  return cause === undefined ? undefined : { cause };
}
