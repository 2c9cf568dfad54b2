import { Emitter } from '@digital-human/core';
import type { LiveKitTransport } from '@digital-human/livekit';
import {
  createMessage,
  type JsonMessage,
  type Transport,
  type TransportEvents,
  type TransportPhase,
} from '@digital-human/protocol';

/**
 * Presents a `LiveKitTransport` as the protocol's `Transport`, so the session router drives it like any other:
 * `lk.audio_stream` segments become utterances (named by the agent's latest unplayed `speech.start`, else
 * `lk-<segment>`), and `lk.transcription` segments become `speech.transcript` captions.
 */
export class LiveKitLink implements Transport {
  /** The transport's events, in the protocol's shape. */
  readonly events = new Emitter<TransportEvents>();
  private readonly announced: string[] = [];
  private readonly playing = new Map<number, string>();
  private readonly offs: Array<() => void>;

  constructor(private readonly inner: LiveKitTransport) {
    const e = inner.events;
    this.offs = [
      e.on('connection', (c) => this.events.emit('connection', c)),
      e.on('audioplayback', (p) => this.events.emit('audioplayback', p)),
      e.on('rejected', ({ code, error, sender }) => this.events.emit('rejected', { code, error, sender })),
      e.on('error', (error) => this.events.emit('error', error)),
      e.on('message', ({ message, sender }) => {
        if (message.type === 'speech.start') this.announced.push(message.utteranceId);
        this.events.emit('message', { message, sender });
      }),
      e.on('speechstarted', ({ segment, startTime, sender }) => {
        const utteranceId = this.announced.shift() ?? `lk-${segment}`;
        this.playing.set(segment, utteranceId);
        this.events.emit('speechstarted', { utteranceId, startTime, sender });
      }),
      e.on('speechfinished', ({ segment, interrupted, position, sender }) => {
        const utteranceId = this.playing.get(segment) ?? `lk-${segment}`;
        this.playing.delete(segment);
        this.events.emit('speechfinished', { utteranceId, interrupted, position, sender });
      }),
      e.on('transcription', ({ text, segmentId, final, sender }) => {
        const speaker = sender.role === 'operator' ? 'operator' : 'agent';
        const message = createMessage('speech.transcript', { segmentId, speaker, text, final });
        this.events.emit('message', { message, sender });
      }),
    ];
  }

  get state(): TransportPhase {
    return this.inner.state;
  }

  get audioContext(): AudioContext | undefined {
    return this.inner.audioContext;
  }

  get canPlayAudio(): boolean {
    return this.inner.canPlayAudio;
  }

  connect(): Promise<void> {
    return this.inner.connect();
  }

  disconnect(): Promise<void> {
    return this.inner.disconnect();
  }

  send(message: JsonMessage): Promise<void> {
    return this.inner.send(message);
  }

  startAudio(): Promise<void> {
    return this.inner.startAudio();
  }

  /** Disposes the LiveKit transport and removes every listener. */
  async dispose(): Promise<void> {
    for (const off of this.offs.splice(0)) off();
    await this.inner.dispose();
    this.events.removeAllListeners();
  }
}
