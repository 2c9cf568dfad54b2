import { VISEME_COUNT, VisemeIndex } from '@digital-human/core';
import type { CueTrack } from './CueTrack';

/** Options of {@link Coarticulator}. Seconds. */
export interface CoarticulationOptions {
  /** Look-ahead: a viseme starts rising this long before its onset and is full at the onset (default 0.06). */
  attack?: number;
  /** A viseme fades over this long after its offset (default 0.08). */
  release?: number;
  /** Look-ahead for lip closures (PP, FF): the lips close over this long and are shut at the onset (default 0.03). */
  closureAttack?: number;
  /** Lips open this fast after a closure, as at a plosive's burst (default 0.02). */
  closureRelease?: number;
  /** Cues shorter than this are held this long, unless the next cue starts first (default 0.05). */
  minDuration?: number;
}

const SIL = VisemeIndex.sil;
const PP = VisemeIndex.PP;
const FF = VisemeIndex.FF;
const smooth = (x: number) => (x <= 0 ? 0 : x >= 1 ? 1 : x * x * (3 - 2 * x));

/**
 * Turns a {@link CueTrack} into per-frame viseme weights: each cue's weight rises before its onset (look-ahead),
 * holds, and fades after its offset; lip closures dominate (the lips are shut at a bilabial's onset whatever the
 * vowel before it was doing, and that vowel's fade ends there); open shapes are normalised to sum to at most 1 and
 * scaled by speech energy; what is left goes to `sil` (mouth at rest). Stateless between frames and allocation-free
 * (no boxed numbers either).
 */
export class Coarticulator {
  readonly attack: number;
  readonly release: number;
  readonly closureAttack: number;
  readonly closureRelease: number;
  readonly minDuration: number;
  /** The longest a cue influences the mouth after its end (for trimming old cues). */
  readonly tail: number;

  constructor(options: CoarticulationOptions = {}) {
    this.attack = options.attack ?? 0.06;
    this.release = options.release ?? 0.08;
    this.closureAttack = options.closureAttack ?? 0.03;
    this.closureRelease = options.closureRelease ?? 0.02;
    this.minDuration = options.minDuration ?? 0.05;
    this.tail = Math.max(this.release, this.closureRelease, this.minDuration);
  }

  /**
   * Writes the weights at `time` into `out` (15 entries, {@link VisemeIndex} order). `energy` (0..1, default 1)
   * scales the open shapes, so quiet speech opens the mouth less. The weights sum to 1: `out[sil]` is what the
   * other shapes leave (1 = mouth at rest). Returns nothing (a returned number would be a boxed allocation).
   */
  sample(track: CueTrack, time: number, out: Float32Array, energy = 1): void {
    out.fill(0);
    // straight from the track's arrays, in one function: a double returned from a call that V8 does not inline is
    // boxed, and this runs for every cue near `time` in every frame
    const starts = track.startTimes;
    const ends = track.endTimes;
    const visemes = track.visemeIndices;
    const weights = track.cueWeights;
    const count = track.count;
    const first = track.firstEndingAfter(time - this.tail);
    // the latest closure begun by now: the cues before it faded into the shut lips and do not come back after it
    let shutAt = Number.NEGATIVE_INFINITY;
    for (let i = first; i < count && starts[i]! <= time; i++) {
      if (visemes[i] === PP || visemes[i] === FF) shutAt = starts[i]!;
    }
    const lead = Math.max(this.attack, this.closureAttack);
    let closing = 0;
    for (let i = first; i < count; i++) {
      const start = starts[i]!;
      if (start - lead > time) break;
      const v = visemes[i]!;
      if (v === SIL) continue;
      // held to its end, or for minDuration unless the next cue starts first
      const next = i + 1 < count ? starts[i + 1]! : Number.POSITIVE_INFINITY;
      const holdEnd = Math.max(ends[i]!, Math.min(start + this.minDuration, next));
      if (start < shutAt && holdEnd <= shutAt) continue;
      const closure = v === PP || v === FF;
      let w = 1;
      if (time < start) w = smooth(1 - (start - time) / (closure ? this.closureAttack : this.attack));
      else if (time > holdEnd)
        w = smooth(1 - (time - holdEnd) / (closure ? this.closureRelease : this.release));
      w *= weights[i]!;
      if (w > out[v]!) out[v] = w;
      // a closure suppresses open shapes while closing and shut, not while the lips release
      if (closure && time <= holdEnd && w > closing) closing = w;
    }
    this.combine(out, energy, closing);
  }

  /** Closures dominate; open shapes are normalised and scaled by energy; the remainder is rest. */
  private combine(out: Float32Array, energy: number, closing: number): void {
    const keep = (1 - closing * closing) * Math.min(1, Math.max(0, energy));
    let open = 0;
    for (let v = 0; v < VISEME_COUNT; v++) if (v !== PP && v !== FF) open += out[v]!;
    const scale = open > 1 ? keep / open : keep;
    let total = 0;
    for (let v = 0; v < VISEME_COUNT; v++) {
      if (v !== PP && v !== FF) out[v]! *= scale;
      total += out[v]!;
    }
    if (total > 1) {
      for (let v = 0; v < VISEME_COUNT; v++) out[v]! /= total;
      total = 1;
    }
    out[SIL] = 1 - total;
  }
}
