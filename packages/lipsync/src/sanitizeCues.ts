import { type LipsyncWarningHandler, lipsyncWarning } from './LipsyncWarning';
import { isViseme, type VisemeCue } from './VisemeCue';

/** A cue as it may arrive from outside: any string ID, any numbers. */
export interface RawVisemeCue {
  viseme: string;
  start: number;
  end: number;
  weight?: number;
}

/** Options of {@link sanitizeCues}. */
export interface SanitizeOptions {
  /** Longest believable cue in seconds (default 2); longer ones are shortened to it. */
  maxDuration?: number;
  /** Receives one warning per repaired problem. */
  onWarning?: LipsyncWarningHandler;
}

/**
 * Repairs a cue list so the scheduler can trust it: drops unknown IDs, NaN/infinite times and empty cues; clamps
 * negative times; swaps inverted ones; shortens absurd durations; clamps weights; sorts; trims overlaps so each
 * cue ends where the next starts. Never throws; reports each repair through `onWarning`.
 */
export function sanitizeCues(input: readonly unknown[], options: SanitizeOptions = {}): VisemeCue[] {
  const maxDuration = options.maxDuration ?? 2;
  const warn = options.onWarning ?? (() => {});
  const cues: VisemeCue[] = [];
  if (!Array.isArray(input)) {
    warn(lipsyncWarning('bad-input', 'cue list is not an array'));
    return cues;
  }
  input.forEach((raw, i) => {
    const fixed = sanitizeOne(raw, i, maxDuration, warn);
    if (fixed) cues.push(fixed);
  });
  return orderAndTrim(cues, warn);
}

function sanitizeOne(
  raw: unknown,
  i: number,
  maxDuration: number,
  warn: LipsyncWarningHandler,
): VisemeCue | null {
  if (typeof raw !== 'object' || raw === null) {
    warn(lipsyncWarning('bad-input', `cue ${i} is not an object`, i));
    return null;
  }
  const r = raw as Partial<RawVisemeCue>;
  if (!isViseme(r.viseme)) {
    warn(lipsyncWarning('unknown-viseme', `cue ${i} has unknown viseme ${String(r.viseme)}`, i));
    return null;
  }
  let start = r.start;
  let end = r.end;
  if (
    typeof start !== 'number' ||
    typeof end !== 'number' ||
    !Number.isFinite(start) ||
    !Number.isFinite(end)
  ) {
    warn(lipsyncWarning('invalid-time', `cue ${i} has a non-finite time (${start}, ${end})`, i));
    return null;
  }
  if (end < start) {
    warn(lipsyncWarning('inverted-time', `cue ${i} ends (${end}) before it starts (${start})`, i));
    [start, end] = [end, start];
  }
  if (start < 0) {
    warn(lipsyncWarning('negative-time', `cue ${i} starts before 0 (${start})`, i));
    if (end <= 0) return null;
    start = 0;
  }
  if (end === start) {
    warn(lipsyncWarning('empty-cue', `cue ${i} has zero length`, i));
    return null;
  }
  if (end - start > maxDuration) {
    warn(lipsyncWarning('absurd-duration', `cue ${i} lasts ${(end - start).toFixed(3)} s`, i));
    end = start + maxDuration;
  }
  const out: VisemeCue = { viseme: r.viseme, start, end };
  const weight = sanitizeWeight(r.weight, i, warn);
  if (weight !== 1) out.weight = weight;
  return out;
}

function sanitizeWeight(weight: unknown, i: number, warn: LipsyncWarningHandler): number {
  if (weight === undefined) return 1;
  if (typeof weight !== 'number' || Number.isNaN(weight)) {
    warn(lipsyncWarning('bad-weight', `cue ${i} has weight ${String(weight)}`, i));
    return 1;
  }
  if (weight < 0 || weight > 1) {
    warn(lipsyncWarning('bad-weight', `cue ${i} has weight ${weight} outside 0..1`, i));
    return Math.min(1, Math.max(0, weight));
  }
  return weight;
}

function orderAndTrim(cues: VisemeCue[], warn: LipsyncWarningHandler): VisemeCue[] {
  for (let i = 1; i < cues.length; i++) {
    if (cues[i]!.start < cues[i - 1]!.start) {
      warn(lipsyncWarning('out-of-order', 'cues are not sorted by start time; sorted'));
      cues.sort((a, b) => a.start - b.start);
      break;
    }
  }
  const out: VisemeCue[] = [];
  for (const c of cues) {
    const prev = out[out.length - 1];
    if (prev && c.start < prev.end) {
      warn(lipsyncWarning('overlap', `cue at ${c.start.toFixed(3)} s overlaps the previous one; trimmed`));
      prev.end = c.start;
      if (prev.end <= prev.start) out.pop();
    }
    out.push(c);
  }
  return out;
}
