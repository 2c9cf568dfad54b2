import type {
  JsonMessage,
  Message,
  MessageOf,
  Sender,
  Transport,
  TransportConnectionChange,
  TransportSpeechFinished,
  TransportSpeechStarted,
  TransportVisemeCue,
} from '@digital-human/protocol';
import { Emitter } from './Emitter';
import type { EmotionCue } from './EmotionDriver';
import type { Controller } from './Mixer';
import type { SessionStore } from './sessionStore';

/**
 * Where speech visemes go: lipsync's `VisemeScheduler` satisfies it (core does not import lipsync). Cue times are
 * seconds from the utterance's first sample; `audioStart` places that sample on the audio clock.
 */
export interface SpeechSink {
  beginUtterance(audioStart: number): void;
  push(cues: readonly TransportVisemeCue[], options?: { audioStart?: number }): unknown;
  /** Drops what is not yet heard and eases the mouth shut. */
  interrupt(): void;
}

/** The part of `EmotionDriver` the router uses. */
export interface EmotionSink {
  cue(cue: EmotionCue): void;
  say(text: string, durationMs?: number): void;
}

/** A `ui.*` message, for widgets. */
export type UiMessage = Extract<JsonMessage, { type: `ui.${string}` }>;
/** The dialog service's state message. */
export type DialogStateMessage = MessageOf<'dialog.state'>;
/** Handoff messages the customer's session sees. */
export type HandoffMessage = MessageOf<'handoff.state'> | MessageOf<'handoff.request'>;

/** Events of a {@link SessionRouter}. */
export interface SessionRouterEvents {
  /** A `ui.*` message for the widgets (cards, forms, disclosures, quick replies...). */
  ui: UiMessage;
  /** The dialog state changed (idle, listening, thinking, speaking; flow and step). */
  dialogstate: DialogStateMessage;
  /** A handoff request or controller state. */
  handoff: HandoffMessage;
}

/** What the router drives; each part optional, all injected. */
export interface SessionRouterOptions {
  /** Captions, speaking, connection and controller land here. */
  readonly store: SessionStore;
  /** Emotion cues (and the reply text's sentiment) go here, e.g. an `EmotionDriver`. */
  readonly emotion?: EmotionSink;
  /** Speech visemes go here, e.g. lipsync's `VisemeScheduler`. */
  readonly speech?: SpeechSink;
  /** Called when the controller changes (e.g. `mixer.setController`). */
  readonly onController?: (controller: Controller) => void;
}

interface Utterance {
  audioStart: number | null;
  pending: TransportVisemeCue[];
}

/** Utterances remembered (visemes may precede their audio; ids arrive in order). */
const MAX_UTTERANCES = 8;

/**
 * Routes what a transport delivers into the session: captions and transcripts → store captions, `emotion.cue` →
 * the emotion sink, `speech.visemes` → the speech sink, placed on the audio clock when the transport reports the
 * utterance's `speechstarted` (cues that come first wait for it), `dialog.state` / `ui.*` / handoff → typed events, controller → store and
 * `onController`. It holds no transport: `attach(transport)` subscribes, the returned function unsubscribes.
 */
export class SessionRouter {
  /** Events for widgets and apps. */
  readonly events = new Emitter<SessionRouterEvents>();
  private readonly utterances = new Map<string, Utterance>();
  private lastDialogState: DialogStateMessage | undefined;
  private captionCount = 0;

  constructor(private readonly options: SessionRouterOptions) {}

  /** The last `dialog.state` received. */
  get dialogState(): DialogStateMessage | undefined {
    return this.lastDialogState;
  }

  /** Subscribes to a transport's events; returns the unsubscribe. */
  attach(transport: Transport): () => void {
    const e = transport.events;
    const offs = [
      e.on('message', ({ message, sender }) => this.route(message, sender)),
      e.on('speechstarted', (s) => this.speechStarted(s)),
      e.on('speechfinished', (s) => this.speechFinished(s)),
      e.on('connection', (c) => this.connection(c)),
    ];
    return () => {
      for (const off of offs) off();
    };
  }

  /** Routes one validated message. Unknown or browser-side types are ignored. */
  route(message: Message, _sender?: Sender): void {
    const store = this.options.store.getState();
    switch (message.type) {
      case 'speech.caption':
        store.upsertCaption({
          id: message.utteranceId ?? this.captionId(),
          speaker: message.speaker,
          text: message.text,
          final: message.final,
        });
        if (message.final && message.speaker !== 'customer') this.options.emotion?.say(message.text);
        return;
      case 'speech.transcript':
        store.upsertCaption({
          id: message.segmentId,
          speaker: message.speaker,
          text: message.text,
          final: message.final,
        });
        return;
      case 'emotion.cue':
        this.options.emotion?.cue({
          emotion: message.emotion,
          intensity: message.intensity,
          durationMs: message.durationMs,
        });
        return;
      case 'speech.visemes':
        this.addCues(message.utteranceId, message.cues.map(fromWire));
        return;
      case 'dialog.state':
        this.lastDialogState = message;
        this.events.emit('dialogstate', message);
        return;
      case 'handoff.state':
        this.setController(message.controller);
        this.events.emit('handoff', message);
        return;
      case 'handoff.request':
        this.events.emit('handoff', message);
        return;
      case 'handoff.take_over':
        this.options.speech?.interrupt();
        this.setController('human');
        return;
      case 'handoff.hand_back':
        this.setController('ai');
        return;
      default:
        if (message.type.startsWith('ui.')) this.events.emit('ui', message as UiMessage);
    }
  }

  /** An utterance starts playing at `startTime` on the audio clock: cues already received are placed. */
  speechStarted(e: TransportSpeechStarted): void {
    const u = this.utterance(e.utteranceId);
    u.audioStart = e.startTime;
    this.options.speech?.beginUtterance(e.startTime);
    if (u.pending.length > 0) this.options.speech?.push(u.pending, { audioStart: e.startTime });
    u.pending = [];
    this.options.store.getState().setSpeaking(true);
  }

  /** An utterance ended; when cut, the mouth eases shut at once. */
  speechFinished(e: TransportSpeechFinished): void {
    if (e.interrupted) this.options.speech?.interrupt();
    this.utterances.delete(e.utteranceId);
    this.options.store.getState().setSpeaking(false);
  }

  /** A connection change (`reconnected` counts as `connected`). */
  connection(change: TransportConnectionChange): void {
    const state = change.state === 'reconnected' ? 'connected' : change.state;
    this.options.store.getState().setConnection(state);
  }

  /** Forgets utterances and removes every listener. */
  dispose(): void {
    this.utterances.clear();
    this.events.removeAllListeners();
  }

  private addCues(utteranceId: string, cues: readonly TransportVisemeCue[]): void {
    const u = this.utterance(utteranceId);
    if (u.audioStart === null) u.pending.push(...cues);
    else this.options.speech?.push(cues, { audioStart: u.audioStart });
  }

  private utterance(id: string): Utterance {
    let u = this.utterances.get(id);
    if (!u) {
      u = { audioStart: null, pending: [] };
      this.utterances.set(id, u);
      if (this.utterances.size > MAX_UTTERANCES) {
        const oldest = this.utterances.keys().next().value;
        if (oldest !== undefined) this.utterances.delete(oldest);
      }
    }
    return u;
  }

  private setController(controller: Controller): void {
    this.options.store.getState().setController(controller);
    this.options.onController?.(controller);
  }

  private captionId(): string {
    this.captionCount += 1;
    return `caption-${this.captionCount}`;
  }
}

/** A wire cue (ms) as a sink cue (seconds). */
function fromWire(c: MessageOf<'speech.visemes'>['cues'][number]): TransportVisemeCue {
  const cue = { viseme: c.v, start: c.t / 1000, end: (c.t + c.d) / 1000 };
  return c.w === undefined ? cue : { ...cue, weight: c.w };
}
