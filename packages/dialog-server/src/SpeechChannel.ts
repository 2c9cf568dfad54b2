import type { SpokenUtterance } from '@digital-human/dialog/local';
import { visemeMessages } from '@digital-human/dialog/local';
import { createMessage, type JsonMessage } from '@digital-human/protocol';
import { DialogServerError } from './DialogServerError';
import type { AudioStreamSink, SessionLink } from './SessionLink';

/** What the channel reports to its session. */
export interface SpeechChannelCallbacks {
  /** Sends a protocol message in order with the session's other messages; resolves once published. */
  send(message: JsonMessage): Promise<void>;
  /** An utterance started streaming. */
  streaming(utteranceId: string, durationMs: number): void;
  /** The customer's player finished (or cut) an utterance. */
  finished(utteranceId: string, interrupted: boolean, position: number): void;
  /** Nothing is queued, streaming or playing any more: the dialog listens again. */
  idle(): void;
  error(error: DialogServerError): void;
}

/** Options of a {@link SpeechChannel}. */
export interface SpeechChannelOptions {
  /** How far streaming may run ahead of real time, seconds (default 1): what an interrupt has to throw away. */
  readonly leadSeconds?: number;
  /** Audio per stream chunk, ms (default 100). */
  readonly chunkMs?: number;
}

/** An utterance the customer's player has (or will have) a segment for, until its `lk.playback_finished`. */
interface InFlight {
  readonly utteranceId: string;
  /** speech.end was sent already (it was cut). */
  ended: boolean;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted || ms <= 0) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });

/**
 * One session's speech to its customer, one utterance after another: `speech.start`, the `speech.visemes` chunks,
 * an `lk.transcription` caption, then the PCM as an `lk.audio_stream` byte stream (attributes `sample_rate`,
 * `num_channels`, `dh.utterance_id`) paced at most `leadSeconds` ahead of real time. `interrupt()` stops the
 * stream, drops what is queued or announced, sends `speech.end` (interrupted) and calls `lk.clear_buffer`.
 * `lk.playback_finished` answers arrive in stream order, so they are matched to utterances first in, first out.
 */
export class SpeechChannel {
  private readonly queue: SpokenUtterance[] = [];
  private readonly inFlight: InFlight[] = [];
  /** Utterances whose caption went out but whose speech has not arrived: an interrupt cancels them. */
  private readonly announced = new Set<string>();
  private readonly cancelled = new Set<string>();
  private abort = new AbortController();
  private streaming = false;
  /** The utterance being streamed (its speech.start may be out before it is in flight). */
  private current: string | undefined;
  private readonly leadMs: number;
  private readonly chunkMs: number;

  constructor(
    private readonly link: SessionLink,
    private readonly customer: string,
    private readonly callbacks: SpeechChannelCallbacks,
    options: SpeechChannelOptions = {},
  ) {
    this.leadMs = (options.leadSeconds ?? 1) * 1000;
    this.chunkMs = options.chunkMs ?? 100;
  }

  /** True while speech is announced, queued, streaming or playing at the customer. */
  get busy(): boolean {
    return this.streaming || this.queue.length > 0 || this.inFlight.length > 0 || this.announced.size > 0;
  }

  /** A caption announced this utterance: its speech will follow (unless an interrupt comes first). */
  announce(utteranceId: string): void {
    this.announced.add(utteranceId);
  }

  /** Queues an utterance's speech; dropped when an interrupt cancelled it. */
  enqueue(utterance: SpokenUtterance): void {
    this.announced.delete(utterance.utteranceId);
    if (this.cancelled.delete(utterance.utteranceId)) return;
    this.queue.push(utterance);
    if (!this.streaming) void this.pump();
  }

  /** Stops all speech; returns the utterances it cut (none: nothing was speaking, no RPC was made). */
  interrupt(): string[] {
    const cut: string[] = [];
    for (const id of this.announced) {
      this.cancelled.add(id);
      cut.push(id);
    }
    this.announced.clear();
    for (const u of this.queue.splice(0)) cut.push(u.utteranceId);
    this.abort.abort();
    this.abort = new AbortController();
    const playing = this.inFlight.filter((f) => !f.ended);
    const current = this.current;
    if (current !== undefined && !this.inFlight.some((f) => f.utteranceId === current))
      playing.push({ utteranceId: current, ended: false });
    for (const f of playing) {
      f.ended = true;
      cut.push(f.utteranceId);
      void this.callbacks.send(
        createMessage('speech.end', { utteranceId: f.utteranceId, interrupted: true }),
      );
    }
    if (playing.length > 0 || this.streaming) {
      this.link.clearBuffer(this.customer).catch((cause: unknown) => {
        this.callbacks.error(DialogServerError.speechFailed('lk.clear_buffer failed', cause));
      });
    }
    return cut;
  }

  /** The customer's `lk.playback_finished`: the oldest utterance in flight played out or was cut. */
  playbackFinished(interrupted: boolean, position: number): void {
    const f = this.inFlight.shift();
    if (!f) return;
    if (!f.ended) {
      void this.callbacks.send(createMessage('speech.end', { utteranceId: f.utteranceId, interrupted }));
    }
    this.callbacks.finished(f.utteranceId, interrupted || f.ended, position);
    if (!this.busy) this.callbacks.idle();
  }

  /** The customer left: its player is gone, nothing answers for what was in flight. Returns what was cut. */
  reset(): string[] {
    const cut = this.interruptSilently();
    for (const f of this.inFlight.splice(0))
      if (!f.ended && !cut.includes(f.utteranceId)) cut.push(f.utteranceId);
    return cut;
  }

  /** Stops streaming without RPCs or messages (dispose, customer gone). */
  dispose(): void {
    this.interruptSilently();
  }

  private interruptSilently(): string[] {
    const cut = [...this.announced];
    for (const id of this.announced) this.cancelled.add(id);
    this.announced.clear();
    for (const u of this.queue.splice(0)) cut.push(u.utteranceId);
    if (this.current !== undefined) cut.push(this.current);
    this.abort.abort();
    this.abort = new AbortController();
    return cut;
  }

  private async pump(): Promise<void> {
    this.streaming = true;
    try {
      for (let next = this.queue.shift(); next; next = this.queue.shift()) await this.stream(next);
    } finally {
      this.streaming = false;
    }
    if (!this.busy) this.callbacks.idle();
  }

  private async stream(u: SpokenUtterance): Promise<void> {
    const signal = this.abort.signal;
    const durationMs = Math.round((u.samples.length / u.sampleRate) * 1000);
    const { utteranceId } = u;
    this.current = utteranceId;
    try {
      await this.callbacks.send(
        createMessage('speech.start', { utteranceId, text: u.text, language: u.language, durationMs }),
      );
      for (const m of visemeMessages(utteranceId, u.cues)) await this.callbacks.send(m);
      if (signal.aborted) return;
      await this.link.sendTranscription(this.customer, utteranceId, u.text);
      const sink = await this.link.openAudio(this.customer, {
        utteranceId,
        sampleRate: u.sampleRate,
        channels: 1,
      });
      this.inFlight.push({ utteranceId, ended: false });
      this.callbacks.streaming(utteranceId, durationMs);
      await this.write(sink, u, signal);
    } catch (cause) {
      this.callbacks.error(DialogServerError.speechFailed(`streaming ${utteranceId} failed`, cause));
    } finally {
      this.current = undefined;
    }
  }

  /** Writes the PCM in chunks, at most `leadMs` ahead of real time; closes the stream (early when aborted). */
  private async write(sink: AudioStreamSink, u: SpokenUtterance, signal: AbortSignal): Promise<void> {
    const bytes = new Uint8Array(u.samples.buffer, u.samples.byteOffset, u.samples.byteLength);
    const chunkBytes = Math.max(2, Math.round((u.sampleRate * this.chunkMs) / 1000) * 2);
    const msPerByte = 1000 / (u.sampleRate * 2);
    const t0 = performance.now();
    try {
      for (let o = 0; o < bytes.length && !signal.aborted; o += chunkBytes) {
        await sink.write(bytes.subarray(o, Math.min(bytes.length, o + chunkBytes)));
        const ahead = (o + chunkBytes) * msPerByte - (performance.now() - t0);
        if (ahead > this.leadMs) await sleep(ahead - this.leadMs, signal);
      }
    } finally {
      await sink.close();
    }
  }
}
