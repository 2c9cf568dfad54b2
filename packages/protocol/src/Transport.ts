import type { Message } from './codec';
import type { JsonMessage } from './messages/registry';
import type { VISEME_NAMES } from './messages/speech';
import type { Sender } from './ProtocolDecoder';

/**
 * Connection phases every transport reports. `reconnected` is momentary: the state is `connected` again (and the
 * session should be resynced).
 */
export type TransportPhase =
  | 'idle'
  | 'connecting'
  | 'connected'
  | 'reconnecting'
  | 'reconnected'
  | 'disconnected';

/** A connection change. */
export interface TransportConnectionChange {
  readonly state: TransportPhase;
  /** For `disconnected`: why (e.g. LiveKit's 'CLIENT_INITIATED', 'JOIN_FAILURE'; 'WORKER_FAILED' locally). */
  readonly reason?: string;
}

/** One viseme cue of an utterance, in seconds from the utterance's first audio sample (a sink's unit). */
export interface TransportVisemeCue {
  readonly viseme: (typeof VISEME_NAMES)[number];
  readonly start: number;
  readonly end: number;
  /** 0..1, absent means 1. */
  readonly weight?: number;
}

/**
 * The avatar's utterance starts playing: its first sample is heard at `startTime` on `transport.audioContext`.
 * Its visemes arrive as `speech.visemes` messages with the same `utteranceId` (before or after this event).
 */
export interface TransportSpeechStarted {
  readonly utteranceId: string;
  /** `AudioContext.currentTime` of the first sample (schedule visemes against this). */
  readonly startTime: number;
  /** Audio duration in seconds when known. */
  readonly duration?: number;
  /** Who speaks it. */
  readonly sender: Sender;
}

/** The utterance was played out, or cut (`interrupted`). */
export interface TransportSpeechFinished {
  readonly utteranceId: string;
  readonly interrupted: boolean;
  /** Seconds of its audio that were heard. */
  readonly position: number;
  readonly sender: Sender;
}

/** A payload refused by validation or for its sender (never delivered as a message). */
export interface TransportRejection {
  /** A `ProtocolError` code ('malformed', 'invalid', 'forbidden-sender'...) or the transport's own. */
  readonly code: string;
  readonly error: Error;
  readonly sender: Sender;
}

/**
 * Events of every {@link Transport}: one map, the values are the payloads. Service → browser messages arrive
 * already decoded, validated and checked against their sender's server-set role.
 */
export interface TransportEvents {
  /** Connection phase changes. */
  connection: TransportConnectionChange;
  /** `canPlay: false`: the browser blocked autoplay; call `startAudio()` from a user gesture (a "tap for sound"). */
  audioplayback: { readonly canPlay: boolean };
  /** A valid message from a sender allowed to send it (captions, `speech.visemes`, `ui.*`...). */
  message: { readonly message: Message; readonly sender: Sender };
  /** A refused payload (malformed, too large, forbidden sender...). */
  rejected: TransportRejection;
  /** Speech starts playing on the transport's audio clock. */
  speechstarted: TransportSpeechStarted;
  /** Speech played out or was cut. */
  speechfinished: TransportSpeechFinished;
  /** A non-fatal failure (synthesis, a reply that could not be sent). */
  error: Error;
}

/** The subscribe side of a typed emitter (core's `Emitter` satisfies it). */
export interface TransportEventSource<Events extends object> {
  /** Adds a listener; returns its unsubscribe. */
  on<K extends keyof Events>(type: K, listener: (payload: Events[K]) => void): () => void;
}

/**
 * What the session needs from a link to the dialog service: the LiveKit transport (with a server) and the local
 * transport (the embedded default, no server) both implement it, so the session router, the widgets and the apps
 * never know which one they talk to.
 *
 * ```ts
 * transport.events.on('message', ({ message, sender }) => router.route(message, sender));
 * transport.events.on('speechstarted', (e) => router.speechStarted(e));
 * await transport.connect();
 * await transport.send(createMessage('user.text', { id, text: '营业时间' }));
 * ```
 */
export interface Transport {
  /** The transport's events. */
  readonly events: TransportEventSource<TransportEvents>;
  /** The current phase. */
  readonly state: TransportPhase;
  /** The context speech plays on (undefined before `connect()`): its clock times the visemes. */
  readonly audioContext: AudioContext | undefined;
  /** True when audio may play; false means a user gesture must call {@link Transport.startAudio}. */
  readonly canPlayAudio: boolean;
  /** Connects (concurrent calls share the attempt); may be called again after `disconnected`. */
  connect(): Promise<void>;
  /** Disconnects and stops speech; `connect()` may be called again. */
  disconnect(): Promise<void>;
  /**
   * Validates and sends a browser → service message. User actions and texts carry an idempotency `id`; the
   * transport keeps them until the service acknowledges them, so nothing the customer did is lost.
   */
  send(message: JsonMessage): Promise<void>;
  /** Unlocks audio: call from a user gesture when `audioplayback` says `canPlay: false`. */
  startAudio(): Promise<void>;
  /** Disconnects and releases everything (audio context it created, listeners). */
  dispose(): Promise<void>;
}
