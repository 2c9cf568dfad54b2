import type { TransportConnectionChange, TransportPhase } from '@digital-human/protocol';
import type { LiveKitTransportError } from './LiveKitTransportError';
import type { MessageSender } from './MessageCodec';
import type { PlaybackFinished, PlaybackStarted } from './PcmStreamPlayer';

/** Connection phases, from LiveKit's room events: the protocol's {@link TransportPhase}. */
export type ConnectionPhase = TransportPhase;

/** A connection change; `reason` carries LiveKit's name (e.g. 'CLIENT_INITIATED', 'SERVER_SHUTDOWN', 'JOIN_FAILURE'). */
export interface ConnectionChange extends TransportConnectionChange {
  /**
   * For `reconnected`: true after a full reconnect (the room was joined again, the service saw the customer leave:
   * the transport resyncs), false after a resume (same session, nothing lost).
   */
  readonly full?: boolean;
}

/** Which utterance a speech event is about. */
export interface UtteranceRef {
  /**
   * The utterance's id, as in its `speech.start`/`speech.visemes` messages: the stream's `dh.utterance_id`
   * attribute, else the `lk.audio_stream` id.
   */
  readonly utteranceId: string;
  readonly sender: MessageSender;
}

/** Something was refused for who sent it: dropped before it reached the avatar or the UI. */
export interface SecurityEvent {
  /** 'untrusted-role': the sender is not an agent/operator; 'forbidden-sender': its role may not send this type. */
  readonly reason: 'untrusted-role' | 'forbidden-sender';
  readonly sender: MessageSender;
  /** Data topic, byte-stream topic or RPC method it came on. */
  readonly topic: string;
}

/** A payload from a trusted sender that failed validation (malformed, too large, unknown type...). */
export interface RejectedEvent {
  readonly code: string;
  readonly error: Error;
  readonly sender: MessageSender;
  readonly topic: string;
}

/**
 * Events of a `LiveKitTransport`: one map for the emitter.
 * @typeParam In - the messages the codec decodes.
 */
export interface LiveKitTransportEvents<In> {
  /** Connection phase changes (connecting, connected, reconnecting, reconnected, disconnected with reason). */
  connection: ConnectionChange;
  /**
   * Whether audio may play. `false`: the browser blocked autoplay; show a "tap to enable sound" prompt and call
   * `startAudio()` from that tap.
   */
  audioplayback: { readonly canPlay: boolean };
  /** A valid message from a sender allowed to send it. */
  message: { readonly message: In; readonly sender: MessageSender; readonly topic: string };
  /** Dropped for who sent it. */
  security: SecurityEvent;
  /** Dropped because it failed validation. */
  rejected: RejectedEvent;
  /** A peer speaks a newer protocol major version: suggest an app upgrade. Once per sender. */
  upgradeneeded: { readonly sender: MessageSender; readonly error: Error };
  /**
   * Agent speech starts playing at `startTime` on `transport.audioContext`: from `lk.audio_stream` (sample-exact)
   * or from the agent's audio track (mapped through the receiver's playout timestamps; `segment` is then 0).
   */
  speechstarted: PlaybackStarted & UtteranceRef & { readonly duration?: number };
  /** Agent speech ended or was cut (`lk.clear_buffer`, a reset after a full reconnect). */
  speechfinished: PlaybackFinished & UtteranceRef;
  /** A caption from `lk.transcription`: the segment's text so far, `final` once its stream ended as final. */
  transcription: {
    readonly text: string;
    readonly segmentId: string;
    /** The track whose speech this transcribes ('' when the sender did not say). */
    readonly trackId: string;
    readonly final: boolean;
    readonly sender: MessageSender;
  };
  /** `lk.audio_stream` audio arrived later than it should have played: a `gap` of seconds of silence was heard. */
  underrun: { readonly segment: number; readonly gap: number };
  /** A non-fatal failure (a reply RPC that could not be sent, a bad audio stream header). */
  error: LiveKitTransportError;
}
