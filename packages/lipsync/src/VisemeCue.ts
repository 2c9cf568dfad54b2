import { type Viseme, VisemeIndex } from '@digital-human/core';

/**
 * One viseme held over an interval of audio time. Times are seconds from the start of the utterance's audio
 * (the scheduler places that start on the audio clock). `weight` (0..1, default 1) scales how far the mouth goes.
 */
export interface VisemeCue {
  viseme: Viseme;
  /** Onset, seconds of audio time. */
  start: number;
  /** Offset, seconds of audio time (> start). */
  end: number;
  /** Intensity 0..1; absent means 1. */
  weight?: number;
}

/** True when `value` is one of the 15 canonical viseme IDs. */
export function isViseme(value: unknown): value is Viseme {
  return typeof value === 'string' && Object.hasOwn(VisemeIndex, value);
}

/** Builds a cue, leaving `weight` out when it is 1 or not given (keeps cues comparable in tests and on the wire). */
export function cue(viseme: Viseme, start: number, end: number, weight?: number): VisemeCue {
  return weight === undefined || weight === 1 ? { viseme, start, end } : { viseme, start, end, weight };
}

/** Shifts every cue by `offset` seconds (returns new cues). */
export function shiftCues(cues: readonly VisemeCue[], offset: number): VisemeCue[] {
  return cues.map((c) => ({ ...c, start: c.start + offset, end: c.end + offset }));
}

/**
 * Turns onset events (each viseme starts when the next begins) into cues. The last one lasts `lastDuration`
 * seconds, or until `totalDuration` when given.
 */
export function onsetsToCues(
  onsets: readonly { viseme: Viseme; time: number }[],
  lastDuration = 0.1,
  totalDuration?: number,
): VisemeCue[] {
  const out: VisemeCue[] = [];
  for (let i = 0; i < onsets.length; i++) {
    const o = onsets[i]!;
    const next = onsets[i + 1];
    const end = next ? next.time : Math.max(totalDuration ?? o.time + lastDuration, o.time + 0.001);
    out.push({ viseme: o.viseme, start: o.time, end });
  }
  return out;
}

/**
 * Merges neighbouring cues that show the same viseme and touch (gap ≤ `gap` s). Weights keep the larger.
 * Returns new cues; the input is not changed.
 */
export function mergeCues(cues: readonly VisemeCue[], gap = 0.001): VisemeCue[] {
  const out: VisemeCue[] = [];
  for (const c of cues) {
    const last = out[out.length - 1];
    if (last && last.viseme === c.viseme && c.start - last.end <= gap) {
      last.end = Math.max(last.end, c.end);
      const w = Math.max(last.weight ?? 1, c.weight ?? 1);
      if (w === 1) delete last.weight;
      else last.weight = w;
    } else {
      out.push({ ...c });
    }
  }
  return out;
}
