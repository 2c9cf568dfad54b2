import { Emitter } from '@digital-human/core';
import type {
  JsonMessage,
  Message,
  Sender,
  Transport,
  TransportEvents,
  TransportPhase,
} from '@digital-human/protocol';

const AGENT: Sender = { identity: 'fake-agent', role: 'agent' };

/**
 * A test double of the protocol's `Transport`: records what the page sends and delivers scripted service messages
 * as an agent would. Not shipped (src/testing is left out of the build).
 */
export class FakeTransport implements Transport {
  readonly events = new Emitter<TransportEvents>();
  /** Every message the page sent, in order. */
  readonly sent: JsonMessage[] = [];
  state: TransportPhase = 'idle';
  disposed = false;

  constructor(readonly audioContext: AudioContext | undefined) {}

  get canPlayAudio(): boolean {
    return true;
  }

  async connect(): Promise<void> {
    this.setPhase('connecting');
    this.setPhase('connected');
  }

  async disconnect(): Promise<void> {
    this.setPhase('disconnected');
  }

  async send(message: JsonMessage): Promise<void> {
    this.sent.push(message);
  }

  async startAudio(): Promise<void> {}

  /** Delivers a service → page message from the fake agent. */
  deliver(message: Message): void {
    this.events.emit('message', { message, sender: AGENT });
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    await this.disconnect();
    this.disposed = true;
    this.events.removeAllListeners();
  }

  private setPhase(state: TransportPhase): void {
    this.state = state;
    this.events.emit('connection', { state });
  }
}
