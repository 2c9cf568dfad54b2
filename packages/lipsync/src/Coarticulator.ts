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
 * vowel before it was doing, and that vowel's fade ends there); open shapes are normalised to sum to at most 1 and scaled by speech energy; what
 * is left goes to `sil` (mouth at rest). Stateless between frames and allocation-free.
 */
export class Coarticulator {
  readonly attack: number;
  readonly release: number;
  readonly closureAttack: number;
  readonly closureRelease: number;
  readonly minDuration: number;

  constructor(options: CoarticulationOptions = {}) {
    this.attack = options.attack ?? 0.06;
    this.release = options.release ?? 0.08;
    this.closureAttack = options.closureAttack ?? 0.03;
    this.closureRelease = options.closureRelease ?? 0.02;
    this.minDuration = options.minDuration ?? 0.05;
  }

  /** The longest a cue influences the mouth after its end (for trimming old cues). */
  get tail(): number {
    return Math.max(this.release, this.closureRelease, this.minDuration);
  }

  /**
   * Writes the weights at `time` into `out` (15 entries, {@link VisemeIndex} order). `energy` (0..1, default 1)
   * scales the open shapes, so quiet speech opens the mouth less. Returns the summed non-rest weight.
   */
  sample(track: CueTrack, time: number, out: Float32Array, energy = 1): number {
    out.fill(0);
    let closing = 0;
    const lead = Math.max(this.attack, this.closureAttack);
    const first = track.firstEndingAfter(time - this.tail);
    const shutAt = this.lastClosureStart(track, first, time);
    for (let i = first; i < track.count; i++) {
      const start = track.start(i);
      if (start - lead > time) break;
      const v = track.viseme(i);
      if (v === SIL) continue;
      // the lips shut after this cue: what it was fading out of is gone, it does not come back after the closure
      if (start < shutAt && this.holdEnd(track, i) <= shutAt) continue;
      const w = this.envelope(track, i, v, time) * track.weight(i);
      if (w > out[v]!) out[v] = w;
      // a closure suppresses open shapes while closing and shut, not while the lips release
      if ((v === PP || v === FF) && time <= this.holdEnd(track, i) && w > closing) closing = w;
    }
    return this.combine(out, energy, closing);
  }

  /** Onset of the latest closure (PP, FF) started by `time`, from cue `first` on (-Infinity if none). */
  private lastClosureStart(track: CueTrack, first: number, time: number): number {
    let at = Number.NEGATIVE_INFINITY;
    for (let i = first; i < track.count && track.start(i) <= time; i++) {
      const v = track.viseme(i);
      if (v === PP || v === FF) at = track.start(i);
    }
    return at;
  }

  private envelope(track: CueTrack, i: number, v: number, time: number): number {
    const closure = v === PP || v === FF;
    const start = track.start(i);
    if (time < start) return smooth(1 - (start - time) / (closure ? this.closureAttack : this.attack));
    const end = this.holdEnd(track, i);
    if (time <= end) return 1;
    return smooth(1 - (time - end) / (closure ? this.closureRelease : this.release));
  }

  /** End of cue `i`'s hold: its end, or `minDuration` after its start unless the next cue starts first. */
  private holdEnd(track: CueTrack, i: number): number {
    const next = i + 1 < track.count ? track.start(i + 1) : Number.POSITIVE_INFINITY;
    return Math.max(track.end(i), Math.min(track.start(i) + this.minDuration, next));
  }

  /** Closures dominate; open shapes are normalised and scaled by energy; the remainder is rest. */
  private combine(out: Float32Array, energy: number, closing: number): number {
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
    return total;
  }
}
