/**
 * Codes of the problems lip sync repairs on its own (it never throws from inside a frame):
 * - `unknown-viseme`: an ID the source's table does not know (the cue is dropped);
 * - `invalid-time`: NaN or infinite time (dropped);
 * - `negative-time`: a time before 0 (clamped, or dropped when the whole cue is before 0);
 * - `inverted-time`: end before start (swapped);
 * - `empty-cue`: zero length (dropped);
 * - `out-of-order`: cues not sorted by start (sorted);
 * - `overlap`: a cue starting before the previous one ended (the previous one is trimmed);
 * - `absurd-duration`: longer than the configured maximum (shortened);
 * - `bad-weight`: weight outside 0..1 or NaN (clamped, NaN → 1);
 * - `late-chunk`: streamed cues that arrived after their audio had started playing (joined mid-way);
 * - `bad-input`: input that could not be parsed at all (ignored).
 */
export type LipsyncWarningCode =
  | 'unknown-viseme'
  | 'invalid-time'
  | 'negative-time'
  | 'inverted-time'
  | 'empty-cue'
  | 'out-of-order'
  | 'overlap'
  | 'absurd-duration'
  | 'bad-weight'
  | 'late-chunk'
  | 'bad-input';

/** A repaired problem in lip-sync input. */
export interface LipsyncWarning {
  readonly code: LipsyncWarningCode;
  /** Human-readable, prefixed with `DigitalHuman.Lipsync:`. */
  readonly message: string;
  /** Index of the offending item in the input, when there is one. */
  readonly index?: number;
}

/** Receives warnings; adapters and sanitisers accept one as an option. */
export type LipsyncWarningHandler = (warning: LipsyncWarning) => void;

/** Builds a warning (keeps the owner prefix in one place). */
export function lipsyncWarning(code: LipsyncWarningCode, detail: string, index?: number): LipsyncWarning {
  const message = `DigitalHuman.Lipsync: ${detail}`;
  return index === undefined ? { code, message } : { code, message, index };
}
