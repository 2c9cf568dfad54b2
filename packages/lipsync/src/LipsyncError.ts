import { DigitalHumanError } from '@digital-human/core';

/** Codes of {@link LipsyncError}. */
export type LipsyncErrorCode = 'invalid-argument' | 'disposed' | 'model-load-failed';

/**
 * A lip-sync failure the caller must handle (bad arguments to a constructor, use after dispose). Problems in data
 * are never thrown: they are repaired and reported as {@link LipsyncWarning}s.
 */
export class LipsyncError extends DigitalHumanError<LipsyncErrorCode> {
  static override readonly owner = 'DigitalHuman.Lipsync';
  override readonly name = 'LipsyncError';

  /** A bad argument. */
  static badArgument(message: string, cause?: unknown): LipsyncError {
    return new LipsyncError('invalid-argument', message, cause === undefined ? undefined : { cause });
  }

  /** A call on a disposed object. */
  static usedAfterDispose(what: string): LipsyncError {
    return new LipsyncError('disposed', `${what} was used after dispose()`);
  }
}
