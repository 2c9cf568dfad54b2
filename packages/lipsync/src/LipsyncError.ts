/** Codes of {@link LipsyncError}. */
export type LipsyncErrorCode = 'invalid-argument' | 'disposed' | 'model-load-failed';

/**
 * A lip-sync failure the caller must handle (bad arguments to a constructor, use after dispose). Problems in
 * data are never thrown: they are repaired and reported as warnings.
 */
export class LipsyncError extends Error {
  override readonly name = 'LipsyncError';
  readonly code: LipsyncErrorCode;

  constructor(code: LipsyncErrorCode, message: string, options?: { cause?: unknown }) {
    super(`lipsync: ${message}`, options);
    this.code = code;
  }

  /** A bad argument. */
  static invalidArgument(message: string): LipsyncError {
    return new LipsyncError('invalid-argument', message);
  }

  /** A call on a disposed object. */
  static disposed(what: string): LipsyncError {
    return new LipsyncError('disposed', `${what} is disposed`);
  }
}
