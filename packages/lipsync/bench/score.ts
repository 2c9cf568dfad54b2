// Scoring of a lip-sync path against ground-truth viseme cues, frame by frame, as the bench defines it:
// per-frame accuracy over the 15 visemes and over 5 coarse classes, and viseme onset error.
import type { Viseme } from '@digital-human/core';
import type { VisemeCue } from '../src/index';

/** The 5 coarse classes: silence, closed lips, lip-teeth, vowel, other consonant. */
export function coarse(v: Viseme): string {
  if (v === 'sil') return 'silence';
  if (v === 'PP') return 'closed';
  if (v === 'FF') return 'lip-teeth';
  if (v === 'aa' || v === 'E' || v === 'ih' || v === 'oh' || v === 'ou') return 'vowel';
  return 'consonant';
}

/** The viseme of the truth at time t (sil outside every cue). Cues sorted, non-overlapping. */
export function labelAt(cues: readonly VisemeCue[], t: number): Viseme {
  let lo = 0;
  let hi = cues.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = cues[mid]!;
    if (t < c.start) hi = mid - 1;
    else if (t >= c.end) lo = mid + 1;
    else return c.viseme;
  }
  return 'sil';
}

/** One sampled frame: audio time (s, relative to the utterance start) and the viseme the mouth showed. */
export interface Frame {
  t: number;
  label: Viseme;
}

/** Accumulates frames and onset errors over many utterances. */
export class Score {
  frames = 0;
  hit15 = 0;
  hit5 = 0;
  errors: number[] = [];
  /** Errors of the onsets that were found (no misses). */
  matched: number[] = [];
  misses = 0;
  /** Signed onset errors (ms) per true viseme; misses as NaN. */
  byViseme: Partial<Record<Viseme, number[]>> = {};

  /** Window in which a predicted onset may answer a true onset (s). */
  static readonly EARLY = 0.1;
  static readonly LATE = 0.15;

  add(truth: readonly VisemeCue[], frames: readonly Frame[]): void {
    for (const f of frames) {
      const want = labelAt(truth, f.t);
      this.frames++;
      if (want === f.label) this.hit15++;
      if (coarse(want) === coarse(f.label)) this.hit5++;
    }
    let previous: Viseme = 'sil';
    let previousEnd = Number.NEGATIVE_INFINITY;
    for (const c of truth) {
      const changed = c.viseme !== previous || c.start - previousEnd > 1e-6;
      previous = c.viseme;
      previousEnd = c.end;
      if (!changed || c.viseme === 'sil') continue;
      // the predicted onset of this viseme closest to the true one, inside the window
      let found: Frame | undefined;
      frames.forEach((f, i) => {
        if (f.t < c.start - Score.EARLY || f.t > c.start + Score.LATE || f.label !== c.viseme) return;
        if (i > 0 && frames[i - 1]!.label === c.viseme) return;
        if (!found || Math.abs(f.t - c.start) < Math.abs(found.t - c.start)) found = f;
      });
      const own = this.byViseme[c.viseme] ?? [];
      this.byViseme[c.viseme] = own;
      own.push(found ? (found.t - c.start) * 1000 : Number.NaN);
      if (found) {
        this.errors.push((found.t - c.start) * 1000);
        this.matched.push((found.t - c.start) * 1000);
      } else {
        this.misses++;
        this.errors.push(Score.LATE * 1000);
      }
    }
  }

  /** Percentile of |onset error| in ms (misses count as the window's late edge, 150 ms). */
  onset(p: number, errors = this.errors): number {
    const abs = errors.map(Math.abs).sort((a, b) => a - b);
    return abs[Math.min(abs.length - 1, Math.floor(p * abs.length))] ?? Number.NaN;
  }

  summary() {
    return {
      frames: this.frames,
      onsets: this.errors.length,
      missRate: this.misses / Math.max(1, this.errors.length),
      onsetP50: this.onset(0.5),
      onsetP95: this.onset(0.95),
      matchedOnsetP95: this.onset(0.95, this.matched),
      acc15: this.hit15 / Math.max(1, this.frames),
      acc5: this.hit5 / Math.max(1, this.frames),
      onsetByViseme: this.perViseme(),
    };
  }

  /** Per true viseme: onsets, misses, median signed error and p95 |error| of the found ones (ms). */
  perViseme() {
    return Object.fromEntries(
      Object.entries(this.byViseme).map(([v, all]) => {
        const found = all.filter((e) => !Number.isNaN(e)).sort((a, b) => a - b);
        const median = found[found.length >> 1] ?? Number.NaN;
        const p95 = this.onset(0.95, found);
        return [v, { n: all.length, misses: all.length - found.length, median, p95 }];
      }),
    );
  }
}
