import { Emitter } from '@digital-human/core';
import type { LiveKitTransport, PuppetLink } from '@digital-human/livekit';
import {
  createMessage,
  type JsonMessage,
  type Transport,
  type TransportEvents,
  type TransportPhase,
} from '@digital-human/protocol';

/**
 * The `LiveKitTransport` as the element's session sees it: every transport event passed through unchanged, plus
 * LiveKit Agents' `lk.transcription` segments turned into `speech.transcript` messages, so the session router shows
 * them as captions like any other. Owns the transport's `PuppetLink` (the operator's face and voice), if given.
 */
export class LiveKitLink implements Transport {
  /** The transport's events, plus transcriptions as messages. */
  readonly events = new Emitter<TransportEvents>();
  private readonly offs: Array<() => void>;

  constructor(
    private readonly inner: LiveKitTransport,
    private readonly puppet?: PuppetLink,
  ) {
    const e = inner.events;
    this.offs = [
      e.on('connection', (c) => this.events.emit('connection', c)),
      e.on('audioplayback', (p) => this.events.emit('audioplayback', p)),
      e.on('rejected', (r) => this.events.emit('rejected', r)),
      e.on('error', (error) => this.events.emit('error', error)),
      e.on('message', (m) => this.events.emit('message', m)),
      e.on('speechstarted', (s) => this.events.emit('speechstarted', s)),
      e.on('speechfinished', (s) => this.events.emit('speechfinished', s)),
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

  /** Disposes the puppet link and the LiveKit transport, and removes every listener. */
  async dispose(): Promise<void> {
    for (const off of this.offs.splice(0)) off();
    this.puppet?.dispose();
    await this.inner.dispose();
    this.events.removeAllListeners();
  }
}
