import {
  type Clock,
  createSessionStore,
  EmotionDriver,
  IdleDriver,
  type Language,
  Mixer,
  SessionRouter,
  type SessionStore,
} from '@digital-human/core';
import { LocalTransport } from '@digital-human/dialog/local';
import { SpeechDriver, VisemeScheduler } from '@digital-human/lipsync';
import { LiveKitTransport, PuppetLink } from '@digital-human/livekit';
import { createMessage, PROTOCOL_VERSION, type Transport } from '@digital-human/protocol';
import espeakData from '@echogarden/espeak-ng-emscripten/espeak-ng.data?url';
import { HoldMouthDriver } from './HoldMouthDriver';

let idCounter = 0;
/** An idempotency id for a user text or action. */
function newId(prefix: string): string {
  idCounter += 1;
  const random = globalThis.crypto?.randomUUID?.().slice(0, 8) ?? Math.random().toString(36).slice(2, 10);
  return `${prefix}-${random}-${idCounter}`;
}

/** The render loop's clock (the avatar passes `requestAnimationFrame` time in seconds): stamps operator frames. */
const RENDER_CLOCK: Clock = { now: () => performance.now() / 1000 };

/** The showcase's transport: the protocol's `Transport` that can also cut the assistant's speech. */
export type ShowcaseTransport = Transport & { interrupt(): void };

/**
 * `?transport=livekit` (or `VITE_DH_TRANSPORT=livekit`) talks to the dialog service over LiveKit (start the stack
 * with `pnpm dev:livekit`); the default is the local transport, no server.
 */
export function transportMode(): 'local' | 'livekit' {
  const asked = new URLSearchParams(globalThis.location?.search).get('transport');
  return (asked ?? import.meta.env.VITE_DH_TRANSPORT) === 'livekit' ? 'livekit' : 'local';
}

function createTransport(audioContext: AudioContext, language: Language): ShowcaseTransport {
  if (transportMode() === 'local')
    return new LocalTransport({ audioContext, espeakData, businessFlows: true });
  const transport = new LiveKitTransport({
    tokenEndpoint: '/api/dh/token',
    tokenRequest: { body: { language } },
    audioContext,
  });
  // The dialog service cuts its speech (and calls lk.clear_buffer) on a user action of kind 'interrupt'.
  const interrupt = () => {
    const id = newId('interrupt');
    if (transport.state === 'connected')
      void transport.send(createMessage('user.action', { id, kind: 'interrupt' })).catch(() => undefined);
  };
  return Object.assign(transport, { interrupt });
}

/**
 * The showcase's session: the transport (by default the local one: dialog engine + dev synthesiser in a worker;
 * see {@link transportMode}), the session router and store, and the face: idle, emotion and speech drivers on one mixer, the mouth read from the audio clock.
 * Over LiveKit a human operator can take over: {@link puppet} puts the operator's face and voice on the avatar
 * while they control.
 */
export class Conversation {
  readonly audioContext = new AudioContext({ latencyHint: 'interactive' });
  readonly store: SessionStore;
  readonly mixer = new Mixer();
  readonly emotion = new EmotionDriver();
  readonly holdMouth = new HoldMouthDriver();
  readonly scheduler = new VisemeScheduler({ clock: this.audioContext });
  readonly transport: ShowcaseTransport;
  readonly router: SessionRouter;
  /** The handoff to a human operator (LiveKit mode only; the local transport has no operator). */
  readonly puppet: PuppetLink | null;
  private readonly detach: () => void;

  constructor(language: Language) {
    this.store = createSessionStore({ initial: { language } });
    this.transport = createTransport(this.audioContext, language);
    this.mixer.addDriver(new IdleDriver());
    this.mixer.addDriver(this.emotion);
    this.mixer.addDriver(this.holdMouth);
    this.mixer.addDriver(new SpeechDriver(this.scheduler));
    this.router = new SessionRouter({
      store: this.store,
      emotion: this.emotion,
      speech: this.scheduler,
      onController: (c) => this.mixer.setController(c),
    });
    this.detach = this.router.attach(this.transport);
    this.puppet =
      this.transport instanceof LiveKitTransport
        ? new PuppetLink(this.transport, { mixer: this.mixer, controller: this.store, clock: RENDER_CLOCK })
        : null;
  }

  /** Connects and says hello: the assistant greets in `language`. */
  async start(): Promise<void> {
    await this.transport.connect();
    await this.hello(this.store.getState().language);
  }

  /** Switches the language; the assistant greets again in it. */
  async hello(language: Language): Promise<void> {
    this.store.getState().setLanguage(language);
    await this.transport.send(
      createMessage('hello', {
        protocolVersion: PROTOCOL_VERSION,
        capabilities: ['speech', 'visemes', 'ui'],
        language,
        client: 'showcase',
      }),
    );
  }

  /** Sends what the customer typed (shown at once as their caption); cuts the assistant's speech. */
  say(text: string): Promise<void> {
    const id = newId('text');
    this.store.getState().upsertCaption({ id, speaker: 'customer', text, final: true });
    return this.transport.send(createMessage('user.text', { id, text }));
  }

  /** The customer tapped a quick reply. */
  tapQuickReply(replyId: string, label: string): Promise<void> {
    const id = newId('action');
    this.store.getState().upsertCaption({ id, speaker: 'customer', text: label, final: true });
    return this.transport.send(createMessage('user.action', { id, kind: 'quick_reply', target: replyId }));
  }

  /** Releases the transport, the scheduler and the audio context. */
  async dispose(): Promise<void> {
    this.detach();
    this.router.dispose();
    this.puppet?.dispose();
    await this.transport.dispose();
    this.scheduler.dispose();
    this.mixer.dispose();
    await this.audioContext.close();
  }
}
