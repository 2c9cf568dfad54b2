import {
  createSessionStore,
  Emitter,
  EmotionDriver,
  IdleDriver,
  type Language,
  Mixer,
  SessionRouter,
  type SessionStore,
} from '@digital-human/core';
import { SpeechDriver, VisemeScheduler } from '@digital-human/lipsync';
import { createMessage, PROTOCOL_VERSION, type Transport } from '@digital-human/protocol';
import { DigitalHumanElementError } from './DigitalHumanElementError';
import { FlowWatcher } from './FlowWatcher';
import type { TransportFactory } from './transportRegistry';

/** Events of an {@link ElementSession}. */
export interface ElementSessionEvents {
  /** The dialog service asks for a human operator. */
  handoffrequested: { readonly reason: string; readonly flow: string | undefined };
  /** A business flow reached its end (survey or done step). */
  flowcompleted: { readonly flow: string };
  /** A failure; the session keeps running where it can. */
  error: DigitalHumanElementError;
}

/** What {@link ElementSession.start} needs. */
export interface ElementStartOptions {
  readonly factory: TransportFactory;
  readonly tokenEndpoint: string | undefined;
  readonly flow: string | undefined;
  readonly userContext: Readonly<Record<string, string | number | boolean>>;
}

let idCounter = 0;
/** An idempotency id for a customer text or action. */
function newId(prefix: string): string {
  idCounter += 1;
  return `${prefix}-${Date.now().toString(36)}-${idCounter}`;
}

/**
 * The element's conversation, framework-free: store, mixer (idle, emotion, speech), session router and, after
 * `start()`, an audio context and a transport. The avatar view reads `mixer`; the element reads `store`.
 */
export class ElementSession {
  readonly events = new Emitter<ElementSessionEvents>();
  readonly store: SessionStore;
  readonly mixer = new Mixer();
  private readonly emotion = new EmotionDriver();
  private readonly flows = new FlowWatcher((flow) => this.events.emit('flowcompleted', { flow }));
  private router: SessionRouter | undefined;
  private audio: AudioContext | undefined;
  private scheduler: VisemeScheduler | undefined;
  private speech: SpeechDriver | undefined;
  private link: Transport | undefined;
  private offs: Array<() => void> = [];
  private muted = false;
  private starting: Promise<void> | undefined;
  private disposed = false;

  constructor(language: Language) {
    this.store = createSessionStore({ initial: { language } });
    this.mixer.addDriver(new IdleDriver());
    this.mixer.addDriver(this.emotion);
  }

  /** The transport while started, else undefined. */
  get transport(): Transport | undefined {
    return this.link;
  }

  /**
   * Creates audio and the transport, connects, greets and opens `flow` if given. Call from a user gesture.
   * Concurrent calls share one attempt; once started, further calls do nothing until `stop()`.
   */
  start(options: ElementStartOptions): Promise<void> {
    if (this.disposed) return Promise.reject(DigitalHumanElementError.removed('the element'));
    if (this.link) return Promise.resolve();
    this.starting ??= this.open(options).finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  private async open(options: ElementStartOptions): Promise<void> {
    const audioContext = this.ensureAudio();
    const language = this.store.getState().language;
    const { tokenEndpoint, userContext } = options;
    let transport: Transport;
    try {
      const { mixer, store } = this;
      transport = await options.factory({ audioContext, language, tokenEndpoint, userContext, mixer, store });
    } catch (cause) {
      throw DigitalHumanElementError.transportFailed('the transport could not be created', cause);
    }
    if (this.disposed) {
      await transport.dispose();
      return;
    }
    this.attach(transport);
    try {
      await transport.connect();
      await transport.startAudio();
      await this.hello(language);
      if (options.flow) await this.sendAction('flow.start', { flow: options.flow });
    } catch (cause) {
      // Let go of the failed transport, so a later start() (a retry tap) begins afresh.
      await this.stop().catch(() => undefined);
      throw DigitalHumanElementError.transportFailed('the transport could not connect', cause);
    }
  }

  /** Disconnects and releases the transport (the avatar stays); `start()` may be called again. */
  async stop(): Promise<void> {
    const transport = this.link;
    if (!transport) return;
    this.detach();
    this.scheduler?.interrupt();
    await transport.dispose();
    this.store.getState().setConnection('disconnected');
  }

  /** Sends what the customer typed; it shows at once as their caption. */
  async say(text: string): Promise<void> {
    const transport = this.requireTransport();
    const id = newId('text');
    this.store.getState().upsertCaption({ id, speaker: 'customer', text, final: true });
    await transport.send(createMessage('user.text', { id, text }));
  }

  /** Switches the language; when connected, the assistant greets again in it. */
  async setLanguage(language: Language): Promise<void> {
    this.store.getState().setLanguage(language);
    if (this.link) await this.hello(language);
  }

  /** Mutes the avatar's voice (the audio clock pauses, and the mouth with it) or unmutes it. */
  async setMuted(muted: boolean): Promise<void> {
    this.muted = muted;
    if (!this.audio) return;
    if (muted) {
      this.scheduler?.pause();
      await this.audio.suspend();
    } else {
      await this.audio.resume();
      this.scheduler?.resume();
    }
  }

  /** Whether the voice is muted. */
  get isMuted(): boolean {
    return this.muted;
  }

  /** Stops the transport, closes the audio context and removes every listener. Idempotent. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.stop();
    this.scheduler?.dispose();
    this.mixer.dispose();
    this.emotion.dispose();
    this.events.removeAllListeners();
    const audio = this.audio;
    this.audio = undefined;
    if (audio && audio.state !== 'closed') await audio.close();
  }

  private ensureAudio(): AudioContext {
    if (this.audio) return this.audio;
    try {
      this.audio = new AudioContext({ latencyHint: 'interactive' });
    } catch (cause) {
      throw new DigitalHumanElementError('audio-unavailable', 'no AudioContext could be created', cause);
    }
    this.scheduler = new VisemeScheduler({ clock: this.audio });
    this.speech = new SpeechDriver(this.scheduler);
    this.mixer.addDriver(this.speech);
    if (this.muted) void this.setMuted(true);
    return this.audio;
  }

  private attach(transport: Transport): void {
    this.link = transport;
    const router = new SessionRouter({
      store: this.store,
      emotion: this.emotion,
      ...(this.scheduler ? { speech: this.scheduler } : {}),
      onController: (c) => this.mixer.setController(c),
    });
    this.router = router;
    this.offs = [
      router.attach(transport),
      router.events.on('handoff', (m) => {
        if (m.type === 'handoff.request')
          this.events.emit('handoffrequested', { reason: m.reason, flow: m.flow });
      }),
      router.events.on('dialogstate', (m) => this.flows.observe(m.flow, m.step)),
      transport.events.on('error', (e) =>
        this.events.emit('error', DigitalHumanElementError.transportFailed(e.message, e)),
      ),
    ];
  }

  private detach(): void {
    for (const off of this.offs.splice(0)) off();
    this.router?.dispose();
    this.router = undefined;
    this.link = undefined;
  }

  private requireTransport(): Transport {
    if (this.disposed) throw DigitalHumanElementError.removed('the element');
    if (!this.link) throw new DigitalHumanElementError('not-started', 'call start() before say()');
    return this.link;
  }

  private hello(language: Language): Promise<void> {
    const capabilities = ['speech', 'visemes', 'ui'];
    const hello = { protocolVersion: PROTOCOL_VERSION, capabilities, language, client: 'element' };
    return this.requireTransport().send(createMessage('hello', hello));
  }

  private sendAction(kind: string, payload: Record<string, string>): Promise<void> {
    const message = createMessage('user.action', { id: newId('action'), kind, payload });
    return this.requireTransport().send(message);
  }
}
