import { createMessage, type Sender, type TransportVisemeCue } from '@digital-human/protocol';
import { describe, expect, it } from 'vitest';
import { Emitter } from './Emitter';
import type { EmotionCue } from './EmotionDriver';
import type { Controller } from './Mixer';
import { SessionRouter, type SpeechSink } from './SessionRouter';
import { createSessionStore } from './sessionStore';

const agent: Sender = { identity: 'agent', role: 'agent' };

class FakeSink implements SpeechSink {
  readonly log: string[] = [];
  readonly pushed: { cues: readonly TransportVisemeCue[]; audioStart: number | undefined }[] = [];
  beginUtterance(audioStart: number): void {
    this.log.push(`begin ${audioStart}`);
  }
  push(cues: readonly TransportVisemeCue[], options?: { audioStart?: number }): void {
    this.pushed.push({ cues, audioStart: options?.audioStart });
  }
  interrupt(): void {
    this.log.push('interrupt');
  }
}

function setup() {
  const store = createSessionStore();
  const speech = new FakeSink();
  const cues: EmotionCue[] = [];
  const said: string[] = [];
  const controllers: Controller[] = [];
  const router = new SessionRouter({
    store,
    speech,
    emotion: { cue: (c) => cues.push(c), say: (t) => said.push(t) },
    onController: (c) => controllers.push(c),
  });
  return { store, speech, cues, said, controllers, router };
}

describe('SessionRouter', () => {
  it('puts captions and transcripts in the store, replacing interim ones by id', () => {
    const { store, router, said } = setup();
    router.route(
      createMessage('speech.caption', { utteranceId: 'u1', speaker: 'agent', text: '您好', final: true }),
    );
    router.route(
      createMessage('speech.transcript', { segmentId: 's1', speaker: 'customer', text: '营', final: false }),
    );
    router.route(
      createMessage('speech.transcript', {
        segmentId: 's1',
        speaker: 'customer',
        text: '营业时间',
        final: true,
      }),
    );
    expect(store.getState().captions).toEqual([
      { id: 'u1', speaker: 'agent', text: '您好', final: true },
      { id: 's1', speaker: 'customer', text: '营业时间', final: true },
    ]);
    expect(said).toEqual(['您好']);
  });

  it('sends emotion cues to the emotion sink', () => {
    const { router, cues } = setup();
    router.route(createMessage('emotion.cue', { emotion: 'happy', intensity: 0.7, durationMs: 0 }));
    expect(cues).toEqual([{ emotion: 'happy', intensity: 0.7, durationMs: 0 }]);
  });

  it('holds wire visemes until their audio start is known, then places them in seconds', () => {
    const { router, speech, store } = setup();
    router.route(
      createMessage('speech.visemes', {
        utteranceId: 'u2',
        seq: 0,
        cues: [{ v: 'aa', t: 100, d: 50, w: 0.5 }],
      }),
      agent,
    );
    expect(speech.pushed).toHaveLength(0);
    router.speechStarted({ utteranceId: 'u2', startTime: 3, sender: agent });
    expect(speech.log).toEqual(['begin 3']);
    expect(speech.pushed).toEqual([
      { cues: [{ viseme: 'aa', start: 0.1, end: 0.15, weight: 0.5 }], audioStart: 3 },
    ]);
    expect(store.getState().speaking).toBe(true);
    // A later chunk goes straight to the sink, on the same start.
    router.route(
      createMessage('speech.visemes', { utteranceId: 'u2', seq: 1, cues: [{ v: 'PP', t: 200, d: 100 }] }),
      agent,
    );
    expect(speech.pushed[1]).toEqual({ cues: [{ viseme: 'PP', start: 0.2, end: 0.3 }], audioStart: 3 });
  });

  it('interrupts the mouth only when speech was cut', () => {
    const { router, speech, store } = setup();
    router.speechStarted({ utteranceId: 'a', startTime: 1, sender: agent });
    router.speechFinished({ utteranceId: 'a', interrupted: false, position: 1, sender: agent });
    expect(speech.log).not.toContain('interrupt');
    router.speechStarted({ utteranceId: 'b', startTime: 2, sender: agent });
    router.speechFinished({ utteranceId: 'b', interrupted: true, position: 0.2, sender: agent });
    expect(speech.log).toContain('interrupt');
    expect(store.getState().speaking).toBe(false);
  });

  it('emits ui, dialog state and handoff, and sets the controller', () => {
    const { router, store, controllers } = setup();
    const seen: string[] = [];
    router.events.on('ui', (m) => seen.push(m.type));
    router.events.on('dialogstate', (m) => seen.push(`state:${m.state}`));
    router.events.on('handoff', (m) => seen.push(m.type));
    router.route(createMessage('ui.quick_replies', { replies: [{ id: 'q', label: 'Q' }] }));
    router.route(createMessage('dialog.state', { state: 'speaking' }));
    router.route(createMessage('handoff.state', { controller: 'human', pending: false }));
    expect(seen).toEqual(['ui.quick_replies', 'state:speaking', 'handoff.state']);
    expect(router.dialogState?.state).toBe('speaking');
    expect(store.getState().controller).toBe('human');
    expect(controllers).toEqual(['human']);
  });

  it('attaches to a transport and maps its connection phases; the unsubscribe detaches', () => {
    const { router, store } = setup();
    const events = new Emitter<import('@digital-human/protocol').TransportEvents>();
    const transport = {
      events,
      state: 'idle' as const,
      audioContext: undefined,
      canPlayAudio: true,
      connect: async () => {},
      disconnect: async () => {},
      send: async () => {},
      startAudio: async () => {},
      dispose: async () => {},
    };
    const off = router.attach(transport);
    events.emit('connection', { state: 'reconnecting' });
    expect(store.getState().connection).toBe('reconnecting');
    events.emit('connection', { state: 'reconnected' });
    expect(store.getState().connection).toBe('connected');
    events.emit('message', {
      message: createMessage('speech.caption', { speaker: 'agent', text: 'hi', final: true }),
      sender: agent,
    });
    expect(store.getState().captions.map((c) => c.text)).toEqual(['hi']);
    off();
    events.emit('connection', { state: 'disconnected' });
    expect(store.getState().connection).toBe('connected');
  });
});
