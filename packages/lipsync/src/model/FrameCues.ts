import { VISEMES, type Viseme } from '@digital-human/core';
import type { VisemeCue } from '../VisemeCue';
import { FEATURE_SAMPLE_RATE, FRAME_HOP, frameTime } from './logMel';

const HALF_HOP = FRAME_HOP / FEATURE_SAMPLE_RATE / 2;

/**
 * Turns a stream of per-frame visemes (one per 10 ms feature frame) into cues. A run ends when another viseme
 * starts; its boundary is half a hop before that frame's centre. Runs shorter than `minFrames` are absorbed by
 * the run after them (one-frame flicker). Silence makes no cue: gaps between cues are rest.
 */
export class FrameCues {
  private readonly minFrames: number;
  private current = 0;
  private currentStart = 0;
  private currentWeight = 0;
  private runFrames = 0;
  private frame = 0;

  constructor(minFrames = 2) {
    this.minFrames = minFrames;
  }

  /** Adds the next frame's viseme (index into `VISEMES`) and weight; appends finished cues to `out`. */
  add(viseme: number, weight: number, out: VisemeCue[]): void {
    const i = this.frame++;
    if (viseme === this.current) {
      this.runFrames++;
      this.currentWeight = Math.max(this.currentWeight, weight);
      return;
    }
    const start = i === 0 ? 0 : frameTime(i) - HALF_HOP;
    if (this.runFrames < this.minFrames && i > 0) {
      // too short to show: it becomes part of this new run
      this.current = viseme;
      this.runFrames += 1;
      this.currentWeight = weight;
      return;
    }
    this.emit(start, out);
    this.current = viseme;
    this.currentStart = start;
    this.currentWeight = weight;
    this.runFrames = 1;
  }

  /** Closes the last run at the end of the audio. */
  end(out: VisemeCue[]): void {
    this.emit(frameTime(this.frame) - HALF_HOP, out);
    this.current = 0;
    this.runFrames = 0;
  }

  private emit(end: number, out: VisemeCue[]): void {
    const viseme: Viseme = VISEMES[this.current] ?? 'sil';
    if (viseme === 'sil' || end <= this.currentStart) return;
    const weight = Math.min(1, Math.max(0, this.currentWeight));
    out.push(
      weight >= 0.999
        ? { viseme, start: this.currentStart, end }
        : { viseme, start: this.currentStart, end, weight },
    );
  }
}
