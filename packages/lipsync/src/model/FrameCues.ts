import { VISEMES, type Viseme } from '@digital-human/core';
import type { VisemeCue } from '../VisemeCue';
import { FEATURE_SAMPLE_RATE, FRAME_HOP, frameTime } from './logMel';

const HALF_HOP = FRAME_HOP / FEATURE_SAMPLE_RATE / 2;

/** One run of equal frames: viseme index, start time, frames, strongest weight. */
interface Run {
  viseme: number;
  start: number;
  frames: number;
  weight: number;
}

/**
 * Turns a stream of per-frame visemes (one per 10 ms feature frame) into cues. A run ends when another viseme
 * starts; its boundary is half a hop before that frame's centre. A run shorter than `minFrames` is flicker: it
 * joins the run before it (or, at the very start, the run after it), so the run before is held back until the
 * next one has lasted `minFrames` frames. Silence makes no cue: gaps between cues are rest.
 */
export class FrameCues {
  private readonly minFrames: number;
  /** The current run. */
  private run: Run = { viseme: 0, start: 0, frames: 0, weight: 0 };
  /** A finished run not emitted yet (the run after it may still fold into it). */
  private held: Run | null = null;
  private frame = 0;

  constructor(minFrames = 2) {
    this.minFrames = Math.max(1, minFrames);
  }

  /** Adds the next frame's viseme (index into `VISEMES`) and weight; appends finished cues to `out`. */
  add(viseme: number, weight: number, out: VisemeCue[]): void {
    const i = this.frame++;
    const run = this.run;
    if (viseme === run.viseme || i === 0) {
      run.viseme = viseme;
      run.frames++;
      run.weight = Math.max(run.weight, weight);
      if (this.held && run.frames >= this.minFrames) this.release(out);
      return;
    }
    const boundary = frameTime(i) - HALF_HOP;
    if (run.frames < this.minFrames && this.held) {
      // flicker: the short run becomes part of the held run
      const held = this.held;
      this.held = null;
      this.run =
        held.viseme === viseme
          ? { ...held, frames: this.minFrames }
          : { viseme, start: boundary, frames: 1, weight };
      if (held.viseme !== viseme) this.held = held;
      return;
    }
    if (run.frames < this.minFrames) {
      // a short first run joins the next one
      this.run = { viseme, start: run.start, frames: run.frames + 1, weight };
      return;
    }
    if (this.held) this.release(out);
    this.held = run;
    this.run = { viseme, start: boundary, frames: 1, weight };
    if (this.minFrames <= 1) this.release(out);
  }

  /** Closes the last run at the end of the audio. */
  end(out: VisemeCue[]): void {
    const end = frameTime(this.frame) - HALF_HOP;
    if (this.held && this.run.frames < this.minFrames) {
      this.emit(this.held, end, out);
    } else {
      if (this.held) this.release(out);
      this.emit(this.run, end, out);
    }
    this.held = null;
    this.run = { viseme: 0, start: end, frames: 0, weight: 0 };
  }

  /** Emits the held run, which ends where the current run starts. */
  private release(out: VisemeCue[]): void {
    if (this.held) this.emit(this.held, this.run.start, out);
    this.held = null;
  }

  private emit(run: Run, end: number, out: VisemeCue[]): void {
    const viseme: Viseme = VISEMES[run.viseme] ?? 'sil';
    if (viseme === 'sil' || end <= run.start) return;
    const weight = Math.min(1, Math.max(0, run.weight));
    out.push(weight >= 0.999 ? { viseme, start: run.start, end } : { viseme, start: run.start, end, weight });
  }
}
