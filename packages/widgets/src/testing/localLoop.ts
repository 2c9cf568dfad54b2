import { createBusinessFlows, DialogEngine } from '@digital-human/dialog';
import type { JsonMessage } from '@digital-human/protocol';
import type { OutgoingMessage } from '../flows/content';

/** Something that sends customer messages and receives dialog messages: a flow model. */
interface LoopModel {
  on(event: 'send', fn: (m: OutgoingMessage) => void): () => void;
  receive(message: JsonMessage): void;
}

/** A test-only local transport: the reference dialog engine in the same page, wired to a flow model. */
export interface LocalLoop {
  readonly engine: DialogEngine;
  /** Every message the dialog sent, in order. */
  readonly received: JsonMessage[];
  /** Every message the model sent, in order. */
  readonly sent: OutgoingMessage[];
  /** Resolves when every turn sent so far has been answered. */
  settle(): Promise<void>;
  /** Sends a message to the model as if the dialog service had sent it. */
  inject(message: JsonMessage): void;
  dispose(): void;
}

/** Wires `model` to a fresh reference engine with the three business flows, in `language`. */
export function createLocalLoop(model: LoopModel, language: 'zh-CN' | 'en' = 'en'): LocalLoop {
  let seed = 1;
  const engine = new DialogEngine({
    language,
    flows: createBusinessFlows(),
    now: () => 1_700_000_000_000,
    random: () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    },
  });
  const received: JsonMessage[] = [];
  const sent: OutgoingMessage[] = [];
  let last: Promise<unknown> = Promise.resolve();
  const offOut = engine.on('output', (o) => {
    if (o.kind !== 'message') return;
    received.push(o.message);
    model.receive(o.message);
  });
  const offSend = model.on('send', (m) => {
    sent.push(m);
    last = engine.handle(m);
  });
  return {
    engine,
    received,
    sent,
    settle: async () => {
      await last;
    },
    inject: (m) => model.receive(m),
    dispose: () => {
      offOut();
      offSend();
      engine.dispose();
    },
  };
}
