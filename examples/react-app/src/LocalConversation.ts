import { type Language, SessionRouter } from '@digital-human/core';
import { LocalTransport } from '@digital-human/dialog/local';
import { SpeechDriver, VisemeScheduler } from '@digital-human/lipsync';
import { createMessage, PROTOCOL_VERSION } from '@digital-human/protocol';
import type { DigitalHumanSession } from '@digital-human/react';
import espeakData from '@echogarden/espeak-ng-emscripten/espeak-ng.data?url';

let counter = 0;
const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++counter}`;

/**
 * The app's conversation on the local demo transport (the reference dialog engine and the GPL espeak-ng
 * synthesiser in the page: a demo choice; a bank's app uses `@digital-human/livekit` instead). It feeds the React
 * session: captions and connection into `session.store`, emotion into `session.emotion`, the mouth through a
 * `SpeechDriver` on `session.mixer`, timed on the audio clock.
 */
export class LocalConversation {
  private readonly audioContext = new AudioContext({ latencyHint: 'interactive' });
  private readonly scheduler = new VisemeScheduler({ clock: this.audioContext });
  private readonly transport: LocalTransport;
  private readonly router: SessionRouter;
  private readonly detach: () => void;

  constructor(private readonly session: DigitalHumanSession) {
    this.transport = new LocalTransport({ audioContext: this.audioContext, espeakData, businessFlows: true });
    session.mixer.addDriver(new SpeechDriver(this.scheduler));
    this.router = new SessionRouter({
      store: session.store,
      emotion: session.emotion,
      speech: this.scheduler,
      onController: (c) => session.setController(c),
    });
    this.detach = this.router.attach(this.transport);
  }

  /** Connects and greets; call it from a tap so the voice may play. */
  async start(): Promise<void> {
    await this.transport.connect();
    await this.transport.startAudio();
    await this.hello(this.session.store.getState().language);
  }

  /** Switches the language; the assistant greets again in it when connected. */
  async hello(language: Language): Promise<void> {
    this.session.setLanguage(language);
    if (this.transport.state !== 'connected') return;
    const hello = { protocolVersion: PROTOCOL_VERSION, capabilities: ['speech', 'visemes', 'ui'], language };
    await this.transport.send(createMessage('hello', { ...hello, client: 'react-app' }));
  }

  /** Sends what the customer typed; it shows at once as their caption. */
  say(text: string): Promise<void> {
    const id = newId('text');
    this.session.store.getState().upsertCaption({ id, speaker: 'customer', text, final: true });
    return this.transport.send(createMessage('user.text', { id, text }));
  }

  /** Releases the transport, the scheduler and the audio context. */
  async dispose(): Promise<void> {
    this.detach();
    this.router.dispose();
    await this.transport.dispose();
    this.scheduler.dispose();
    await this.audioContext.close();
  }
}
