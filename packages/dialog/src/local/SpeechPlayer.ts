/** Callbacks of a {@link SpeechPlayer}. */
export interface SpeechPlayerCallbacks {
  /** An utterance was scheduled: its first sample plays at `audioStart` on the context's clock. */
  started(utteranceId: string, audioStart: number, duration: number): void;
  /** An utterance played out or was cut; `position` = seconds of it heard. */
  ended(utteranceId: string, interrupted: boolean, position: number): void;
  /** Nothing is playing or queued any more (after the last utterance played out, or a stop). */
  idle(): void;
}

interface Playing {
  readonly utteranceId: string;
  readonly source: AudioBufferSourceNode;
  readonly start: number;
  readonly duration: number;
}

/** Seconds between scheduling and the first sample: room for the render thread. */
const LEAD = 0.05;

/**
 * Plays utterances back to back on an `AudioContext`, each scheduled sample-exactly (the start rounded to a
 * sample frame of the context) right after the previous one. `stop()` cuts what plays and drops the queue.
 */
export class SpeechPlayer {
  private readonly playing: Playing[] = [];
  private queueEnd = 0;

  constructor(
    private readonly context: AudioContext,
    private readonly callbacks: SpeechPlayerCallbacks,
  ) {}

  /** True while something plays or is queued. */
  get busy(): boolean {
    return this.playing.length > 0;
  }

  /** Schedules mono PCM after what is queued; returns its start on the context's clock. */
  play(utteranceId: string, samples: Float32Array<ArrayBuffer>, sampleRate: number): number {
    const ctx = this.context;
    const buffer = ctx.createBuffer(1, Math.max(1, samples.length), sampleRate);
    buffer.copyToChannel(samples, 0);
    const earliest = Math.max(ctx.currentTime + LEAD, this.queueEnd);
    const start = Math.ceil(earliest * ctx.sampleRate) / ctx.sampleRate;
    const source = ctx.createBufferSource();
    source.buffer = buffer;
    source.connect(ctx.destination);
    const item: Playing = { utteranceId, source, start, duration: buffer.duration };
    source.onended = () => this.finish(item);
    source.start(start);
    this.playing.push(item);
    this.queueEnd = start + buffer.duration;
    this.callbacks.started(utteranceId, start, buffer.duration);
    return start;
  }

  /** Cuts every utterance now (they end `interrupted`); the queue is empty afterwards. */
  stop(): void {
    if (this.playing.length === 0) return;
    const now = this.context.currentTime;
    const cut = this.playing.splice(0);
    this.queueEnd = 0;
    for (const item of cut) {
      item.source.onended = null;
      try {
        item.source.stop();
      } catch {
        // already stopped
      }
      item.source.disconnect();
      const position = Math.min(item.duration, Math.max(0, now - item.start));
      this.callbacks.ended(item.utteranceId, true, position);
    }
    this.callbacks.idle();
  }

  /** Stops everything without reporting. */
  dispose(): void {
    for (const item of this.playing.splice(0)) {
      item.source.onended = null;
      item.source.disconnect();
    }
  }

  private finish(item: Playing): void {
    const index = this.playing.indexOf(item);
    if (index < 0) return;
    this.playing.splice(index, 1);
    item.source.disconnect();
    this.callbacks.ended(item.utteranceId, false, item.duration);
    if (this.playing.length === 0) this.callbacks.idle();
  }
}
