import { Emitter } from '@digital-human/core';
import {
  createMessage,
  type JsonMessage,
  type Transport,
  type TransportEvents,
  type TransportPhase,
} from '@digital-human/protocol';
import { describe, expect, it } from 'vitest';
import { CardApplicationFlow } from './CardApplicationFlow';
import { linkTransport } from './linkTransport';

/** A transport that records what it was asked to send; `fail` makes `send` reject. */
function fakeTransport(fail = false) {
  const events = new Emitter<TransportEvents>();
  const sent: JsonMessage[] = [];
  let state: TransportPhase = 'idle';
  const transport: Transport = {
    events,
    get state() {
      return state;
    },
    audioContext: undefined,
    canPlayAudio: true,
    connect: async () => {
      state = 'connected';
      events.emit('connection', { state });
    },
    disconnect: async () => undefined,
    send: (m) => {
      sent.push(m);
      return fail ? Promise.reject(new Error('refused')) : Promise.resolve();
    },
    startAudio: async () => undefined,
    dispose: async () => undefined,
  };
  return { transport, events, sent };
}

describe('linkTransport', () => {
  it('holds the customer messages until the transport connects, then sends them in order', async () => {
    const { transport, sent } = fakeTransport();
    const flow = new CardApplicationFlow({ idPrefix: 'l' });
    linkTransport(flow, transport);
    flow.start();
    flow.say('hello');
    expect(sent).toEqual([]);
    await transport.connect();
    expect(sent.map((m) => m.type)).toEqual(['user.action', 'user.text']);
    flow.say('again');
    expect(sent).toHaveLength(3);
  });

  it('feeds the dialog messages to the model, and stops at unlink', async () => {
    const { transport, events, sent } = fakeTransport();
    const flow = new CardApplicationFlow({ idPrefix: 'l' });
    const unlink = linkTransport(flow, transport);
    await transport.connect();
    const sender = { identity: 'agent', role: 'agent' } as const;
    const caption = (utteranceId: string, text: string) =>
      createMessage('speech.caption', { text, speaker: 'agent', final: true, utteranceId });
    events.emit('message', { message: caption('u1', 'Hi'), sender });
    expect(flow.getSnapshot().captions.map((c) => c.text)).toEqual(['Hi']);
    unlink();
    events.emit('message', { message: caption('u2', 'Later'), sender });
    flow.say('nobody hears this');
    expect(flow.getSnapshot().captions).toHaveLength(1);
    expect(sent).toEqual([]);
  });

  it('reports a send the transport refused', async () => {
    const { transport } = fakeTransport(true);
    const flow = new CardApplicationFlow({ idPrefix: 'l' });
    const errors: Error[] = [];
    linkTransport(flow, transport, { onError: (e) => errors.push(e) });
    await transport.connect();
    flow.say('hello');
    await Promise.resolve();
    await Promise.resolve();
    expect(errors.map((e) => e.message)).toEqual(['refused']);
  });
});
