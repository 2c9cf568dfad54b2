import { VISEMES, VisemeIndex } from '@digital-human/core';
import type { VisemeCue } from './VisemeCue';

/**
 * Cues in flat typed arrays, sorted by start and never overlapping, so a frame can find the cues around a time
 * by binary search without allocating. Grows by doubling when cues are added (never per frame).
 */
export class CueTrack {
  private starts = new Float64Array(64);
  private ends = new Float64Array(64);
  private visemes = new Uint8Array(64);
  private weights = new Float32Array(64);
  /** Number of cues held. */
  count = 0;

  /**
   * The cues' starts (seconds, on whatever time base the owner uses), index < {@link CueTrack.count}. The arrays
   * are replaced when the track grows: read them each frame, don't keep them.
   */
  get startTimes(): Float64Array {
    return this.starts;
  }
  /** The cues' ends, as {@link CueTrack.startTimes}. */
  get endTimes(): Float64Array {
    return this.ends;
  }
  /** The cues' viseme indices ({@link VisemeIndex}), as {@link CueTrack.startTimes}. */
  get visemeIndices(): Uint8Array {
    return this.visemes;
  }
  /** The cues' weights, as {@link CueTrack.startTimes}. */
  get cueWeights(): Float32Array {
    return this.weights;
  }

  /**
   * Adds a cue, shifted by `offset` seconds. A cue starting before the last one ends trims the last one; a cue
   * starting before the last one starts is inserted in order (rare: out-of-order chunks).
   */
  add(cue: VisemeCue, offset = 0): void {
    const start = cue.start + offset;
    const end = cue.end + offset;
    if (!(end > start)) return;
    if (this.count > 0 && start < this.starts[this.count - 1]!) {
      this.insertSorted(cue, offset);
      return;
    }
    if (this.count > 0 && start < this.ends[this.count - 1]!) this.ends[this.count - 1] = start;
    if (this.count === this.starts.length) this.grow();
    const i = this.count++;
    this.starts[i] = start;
    this.ends[i] = end;
    this.visemes[i] = VisemeIndex[cue.viseme];
    this.weights[i] = cue.weight ?? 1;
  }

  /** Index of the first cue that ends after `time` (count when none). Binary search. */
  firstEndingAfter(time: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ends[mid]! <= time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Drops every cue that starts after `time` and ends the one in progress at `time`. */
  truncate(time: number): void {
    let n = this.firstEndingAfter(time);
    if (n < this.count && this.starts[n]! < time) {
      this.ends[n] = time;
      n++;
    }
    this.count = n;
  }

  /** Shifts every cue that ends after `time` by `delta` seconds (pause/resume). */
  shiftFrom(time: number, delta: number): void {
    for (let i = this.firstEndingAfter(time); i < this.count; i++) {
      this.starts[i]! += delta;
      this.ends[i]! += delta;
    }
  }

  /** Drops cues that ended before `time` (keeps memory bounded in long sessions). */
  dropBefore(time: number): void {
    const n = this.firstEndingAfter(time);
    if (n === 0) return;
    this.starts.copyWithin(0, n, this.count);
    this.ends.copyWithin(0, n, this.count);
    this.visemes.copyWithin(0, n, this.count);
    this.weights.copyWithin(0, n, this.count);
    this.count -= n;
  }

  /** Removes all cues. */
  clear(): void {
    this.count = 0;
  }

  /** The cues as objects (tests, debugging; allocates). */
  toCues(): VisemeCue[] {
    const out: VisemeCue[] = [];
    for (let i = 0; i < this.count; i++) {
      const c: VisemeCue = { viseme: VISEMES[this.visemes[i]!]!, start: this.starts[i]!, end: this.ends[i]! };
      if (this.weights[i] !== 1) c.weight = this.weights[i]!;
      out.push(c);
    }
    return out;
  }

  private insertSorted(cue: VisemeCue, offset: number): void {
    const all = this.toCues();
    all.push({ ...cue, start: cue.start + offset, end: cue.end + offset });
    all.sort((a, b) => a.start - b.start);
    this.count = 0;
    for (const c of all) this.add(c);
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const starts = new Float64Array(size);
    const ends = new Float64Array(size);
    const visemes = new Uint8Array(size);
    const weights = new Float32Array(size);
    starts.set(this.starts);
    ends.set(this.ends);
    visemes.set(this.visemes);
    weights.set(this.weights);
    this.starts = starts;
    this.ends = ends;
    this.visemes = visemes;
    this.weights = weights;
  }
}
