import { Channel, type Driver, type FaceFrame } from '@digital-human/core';
import type { VisemeScheduler } from './VisemeScheduler';

/** Options of {@link SpeechDriver}. */
export interface SpeechDriverOptions {
  /** Mixer priority (default 50: above idle and emotion, below an operator's puppet). */
  priority?: number;
  name?: string;
}

/**
 * The mouth while the avatar speaks: reads the {@link VisemeScheduler} (which runs on the audio clock, not on the
 * mixer's `time`) and claims {@link Channel.mouth} while there is speech or the mouth is still closing.
 * The driver does not own the scheduler: whoever created the scheduler disposes it.
 */
export class SpeechDriver implements Driver {
  readonly name: string;
  readonly priority: number;
  private readonly scheduler: VisemeScheduler;

  constructor(scheduler: VisemeScheduler, options: SpeechDriverOptions = {}) {
    this.scheduler = scheduler;
    this.name = options.name ?? 'speech';
    this.priority = options.priority ?? 50;
  }

  /** Writes `out.visemes`; returns the mouth channel while speaking, else 0. Allocation-free. */
  update(_time: number, _dt: number, out: FaceFrame): number {
    return this.scheduler.sampleIfSpeaking(out.visemes) ? Channel.mouth : 0;
  }
}
