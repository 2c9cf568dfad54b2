// Storybook only: a fake transport whose connection the story controls (to show "reconnecting"), answering with
// the reference dialog engine in the page. Not a real transport: the app uses LocalTransport or LiveKit's.
import { Emitter } from '@digital-human/core';
import { createBusinessFlows, DialogEngine } from '@digital-human/dialog';
import type { JsonMessage, Transport, TransportEvents, TransportPhase } from '@digital-human/protocol';

const AGENT = { identity: 'story-dialog', role: 'agent' } as const;

/** A {@link Transport} for stories: `setPhase('reconnecting')` holds the line, `setPhase('reconnected')` frees it. */
export class StoryFakeTransport implements Transport {
  readonly events = new Emitter<TransportEvents>();
  readonly audioContext = undefined;
  readonly canPlayAudio = true;
  /** Every message the widget handed to `send`, in order, and whether the line was up at the time. */
  readonly sent: { message: JsonMessage; online: boolean }[] = [];
  private phase: TransportPhase = 'connected';
  private readonly engine: DialogEngine;
  private readonly offOutput: () => void;

  constructor(language: 'en' | 'zh-CN') {
    this.engine = new DialogEngine({ language, flows: createBusinessFlows(), now: () => 1_700_000_000_000 });
    this.offOutput = this.engine.on('output', (o) => {
      if (o.kind === 'message') this.events.emit('message', { message: o.message, sender: AGENT });
    });
  }

  get state(): TransportPhase {
    return this.phase;
  }

  /** Moves the fake connection to `phase` and reports it as every transport does. */
  setPhase(phase: TransportPhase): void {
    this.phase = phase === 'reconnected' ? 'connected' : phase;
    this.events.emit('connection', { state: phase });
  }

  async connect(): Promise<void> {
    this.setPhase('connected');
  }

  async disconnect(): Promise<void> {
    this.setPhase('disconnected');
  }

  async send(message: JsonMessage): Promise<void> {
    this.sent.push({ message, online: this.phase === 'connected' });
    await this.engine.handle(message);
  }

  async startAudio(): Promise<void> {}

  async dispose(): Promise<void> {
    this.offOutput();
    this.engine.dispose();
    this.events.removeAllListeners();
  }
}
