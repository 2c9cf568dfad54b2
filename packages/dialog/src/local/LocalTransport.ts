import { Emitter } from '@digital-human/core';
import {
  decode,
  encodeText,
  type JsonMessage,
  type Sender,
  type Transport,
  type TransportEvents,
  type TransportPhase,
  validate,
} from '@digital-human/protocol';
import { DialogLanguage } from '../language';
import { EspeakSynthesizer } from '../tts/EspeakSynthesizer';
import { checkReply, type HostReply, type HostRequest, type SpeechReply } from './hostMessages';
import { LocalTransportError } from './LocalTransportError';
import { SpeechPlayer } from './SpeechPlayer';
import { type DialogScope, serveDialog } from './serveDialog';
import { synthesizeSpeech } from './synthesizeSpeech';
import { visemeMessages } from './visemeMessages';

/** Options of a {@link LocalTransport}. */
export interface LocalTransportOptions {
  /** The dialog's language before the customer's hello (default zh-CN). */
  readonly language?: DialogLanguage;
  /**
   * URL of `espeak-ng.data`, e.g. Vite's `import url from '@echogarden/espeak-ng-emscripten/espeak-ng.data?url'`
   * (bundlers lose the file next to the module).
   */
  readonly espeakData?: string;
  /** The context speech plays on. Default: one created on `connect()` and closed on `dispose()`. */
  readonly audioContext?: AudioContext;
  /** Starts the dialog worker. Default: the package's module worker. `null`: run on the page's thread. */
  readonly createWorker?: (() => Worker) | null;
  /** Registers the three business flows (`createBusinessFlows()`) in the dialog engine (default false). */
  readonly businessFlows?: boolean;
}

interface Host {
  post(request: HostRequest): void;
  dispose(): void;
}

interface Pending {
  readonly text: string;
  readonly resolve: () => void;
}

/** The local dialog engine speaks as an agent (it is the app's own code, in the page). */
const LOCAL_AGENT: Sender = { identity: 'local-dialog', role: 'agent' };

const defaultWorker = () =>
  new Worker(new URL('./dialog.worker.ts', import.meta.url), { type: 'module', name: 'dh-dialog' });

/**
 * The embedded default transport: the reference dialog engine runs in a Web Worker (on the page's thread when
 * workers are unavailable or fail), speech comes from the dev synthesiser (espeak-ng, GPL: dev and demo only) and
 * plays sample-exactly on `audioContext`, with its visemes on that clock. Typing while the avatar speaks cuts the
 * speech; user texts and actions are kept until acknowledged and re-sent if the dialog side restarts.
 */
export class LocalTransport implements Transport {
  /** The transport's events. */
  readonly events = new Emitter<TransportEvents>();
  private context: AudioContext | undefined;
  private player: SpeechPlayer | undefined;
  private host: Host | undefined;
  private phase: TransportPhase = 'idle';
  private readonly pending = new Map<string, Pending>();
  /** Utterances announced by a caption whose speech has not started: cut by an interrupt. */
  private readonly announced = new Set<string>();
  private readonly cancelled = new Set<string>();
  private mainSynth: Promise<EspeakSynthesizer> | undefined;
  private workerFailed = false;
  private disposed = false;
  private readonly onContextState = () => this.emitPlayback();

  constructor(private readonly options: LocalTransportOptions = {}) {}

  /** The current phase. */
  get state(): TransportPhase {
    return this.phase;
  }

  /** The context speech plays on (undefined before `connect()`). */
  get audioContext(): AudioContext | undefined {
    return this.context;
  }

  /** True when the audio context runs; false means a tap must call {@link LocalTransport.startAudio}. */
  get canPlayAudio(): boolean {
    return this.context?.state === 'running';
  }

  /** True when the dialog runs in a worker (false after a fallback to the page's thread). */
  get inWorker(): boolean {
    return this.host !== undefined && !this.workerFailed && this.options.createWorker !== null;
  }

  /** Starts the dialog side and the audio context; re-sends what was not acknowledged. */
  async connect(): Promise<void> {
    if (this.disposed) throw LocalTransportError.disposed('connect()');
    if (this.host) return;
    this.setPhase('connecting');
    this.ensureAudio();
    this.host = this.openHost();
    this.init();
    this.setPhase('connected');
    this.emitPlayback();
  }

  /** Sends a customer message; user texts and actions cut the avatar's speech and resolve once acknowledged. */
  send(message: JsonMessage): Promise<void> {
    if (this.disposed) return Promise.reject(LocalTransportError.disposed('send()'));
    if (!this.host) return Promise.reject(LocalTransportError.sendFailed('send() before connect()'));
    let text: string;
    try {
      text = encodeText(message);
    } catch (cause) {
      return Promise.reject(LocalTransportError.sendFailed('the message did not validate', cause));
    }
    if (message.type !== 'user.text' && message.type !== 'user.action') {
      this.host.post({ kind: 'message', text });
      return Promise.resolve();
    }
    this.interrupt();
    const id = message.id;
    const acked = new Promise<void>((resolve) => {
      const earlier = this.pending.get(id);
      const both = () => {
        earlier?.resolve();
        resolve();
      };
      this.pending.set(id, { text, resolve: both });
    });
    this.host.post({ kind: 'message', text });
    return acked;
  }

  /** Cuts the avatar's speech now (its mouth eases shut); speech of the current turn not yet started is dropped. */
  interrupt(): void {
    for (const id of this.announced) this.cancelled.add(id);
    this.announced.clear();
    this.player?.stop();
  }

  /** Unlocks audio from a user gesture. */
  async startAudio(): Promise<void> {
    await this.context?.resume();
    this.emitPlayback();
  }

  /** Stops speech and the dialog side; unacknowledged messages are kept for the next `connect()`. */
  async disconnect(): Promise<void> {
    if (!this.host) return;
    this.player?.stop();
    this.host.dispose();
    this.host = undefined;
    this.setPhase('disconnected', 'CLIENT_INITIATED');
  }

  /** Disconnects, closes the audio context it created and removes every listener. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    await this.disconnect();
    this.disposed = true;
    this.player?.dispose();
    this.context?.removeEventListener('statechange', this.onContextState);
    if (!this.options.audioContext) await this.context?.close();
    void this.mainSynth?.then((s) => s.dispose()).catch(() => undefined);
    this.events.removeAllListeners();
  }

  private ensureAudio(): void {
    if (this.context) return;
    this.context = this.options.audioContext ?? new AudioContext({ latencyHint: 'interactive' });
    this.context.addEventListener('statechange', this.onContextState);
    this.player = new SpeechPlayer(this.context, {
      started: (utteranceId, startTime, duration) =>
        this.events.emit('speechstarted', { utteranceId, startTime, duration, sender: LOCAL_AGENT }),
      ended: (utteranceId, interrupted, position) =>
        this.events.emit('speechfinished', { utteranceId, interrupted, position, sender: LOCAL_AGENT }),
      idle: () => this.host?.post({ kind: 'speech-ended' }),
    });
  }

  private init(): void {
    const data = this.options.espeakData;
    const espeakData = data === undefined ? undefined : new URL(data, globalThis.location?.href).href;
    this.host?.post({
      kind: 'init',
      language: this.options.language ?? DialogLanguage.zh,
      espeakData,
      businessFlows: this.options.businessFlows === true,
    });
    for (const p of this.pending.values()) this.host?.post({ kind: 'message', text: p.text });
  }

  private openHost(): Host {
    const create = this.options.createWorker === undefined ? defaultWorker : this.options.createWorker;
    if (create && !this.workerFailed && typeof Worker !== 'undefined') {
      try {
        return this.openWorker(create());
      } catch (cause) {
        this.workerFailed = true;
        this.events.emit('error', LocalTransportError.workerFailed(cause));
      }
    }
    return this.openInline();
  }

  private openWorker(worker: Worker): Host {
    worker.addEventListener('message', (e) => this.receive(e.data));
    worker.addEventListener('messageerror', () =>
      this.reject(LocalTransportError.malformedReply('a reply could not be cloned')),
    );
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      this.failOver(e);
    });
    return { post: (r) => worker.postMessage(r), dispose: () => worker.terminate() };
  }

  private openInline(): Host {
    const channel = new MessageChannel();
    const stop = serveDialog(channel.port2 as unknown as DialogScope);
    channel.port2.start();
    channel.port1.onmessage = (e) => this.receive(e.data);
    return {
      post: (r) => channel.port1.postMessage(r),
      dispose: () => {
        stop();
        channel.port1.close();
        channel.port2.close();
      },
    };
  }

  /** The worker died: continue on the page's thread, re-sending what was not acknowledged. */
  private failOver(cause: unknown): void {
    if (!this.host || this.workerFailed) return;
    this.workerFailed = true;
    this.events.emit('error', LocalTransportError.workerFailed(cause));
    this.host.dispose();
    this.host = this.openInline();
    this.init();
  }

  private receive(data: unknown): void {
    const reply = checkReply(data);
    if (typeof reply === 'string') this.reject(LocalTransportError.malformedReply(reply));
    else this.handle(reply);
  }

  private handle(reply: HostReply): void {
    switch (reply.kind) {
      case 'message':
        this.deliver(reply.text);
        return;
      case 'speech':
        this.speak(reply);
        return;
      case 'say':
        void this.synthesizeHere(reply.utteranceId, reply.text, reply.language);
        return;
      case 'warning':
        this.events.emit('error', LocalTransportError.speechFailed(reply.message));
    }
  }

  private deliver(text: string): void {
    const decoded = decode(text, LOCAL_AGENT.role);
    if (!decoded.ok) {
      this.events.emit('rejected', { code: decoded.error.code, error: decoded.error, sender: LOCAL_AGENT });
      return;
    }
    const message = decoded.message;
    if (message.type === 'ack') {
      this.pending.get(message.ackId)?.resolve();
      this.pending.delete(message.ackId);
    }
    if (message.type === 'speech.caption' && message.utteranceId) this.announced.add(message.utteranceId);
    this.events.emit('message', { message, sender: LOCAL_AGENT });
  }

  private speak(speech: SpeechReply): void {
    if (this.cancelled.delete(speech.utteranceId) || !this.player) return;
    this.announced.delete(speech.utteranceId);
    const samples = speech.samples as Float32Array<ArrayBuffer>;
    this.player.play(speech.utteranceId, samples, speech.sampleRate);
    // The visemes travel as the protocol's `speech.visemes` messages, as they do from a dialog service.
    for (const message of visemeMessages(speech.utteranceId, speech.cues)) {
      try {
        this.events.emit('message', { message: validate(message), sender: LOCAL_AGENT });
      } catch (cause) {
        this.reject(LocalTransportError.malformedReply('viseme cues did not validate', cause));
      }
    }
  }

  private async synthesizeHere(utteranceId: string, text: string, language: DialogLanguage): Promise<void> {
    const data = this.options.espeakData;
    this.mainSynth ??= EspeakSynthesizer.create(data === undefined ? {} : { data });
    try {
      this.speak(synthesizeSpeech(await this.mainSynth, { utteranceId, text, language }));
    } catch (cause) {
      this.mainSynth = undefined;
      this.events.emit('error', LocalTransportError.speechFailed('could not synthesise speech', cause));
    }
  }

  private reject(error: LocalTransportError): void {
    this.events.emit('rejected', { code: error.code, error, sender: LOCAL_AGENT });
  }

  private setPhase(state: TransportPhase, reason?: string): void {
    this.phase = state;
    this.events.emit('connection', reason === undefined ? { state } : { state, reason });
  }

  private emitPlayback(): void {
    this.events.emit('audioplayback', { canPlay: this.canPlayAudio });
  }
}
