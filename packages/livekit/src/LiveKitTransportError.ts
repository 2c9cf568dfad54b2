import { DigitalHumanError } from '@digital-human/core';

/** Why the LiveKit transport failed. */
export type LiveKitTransportErrorCode =
  /** The bank's token endpoint did not answer, refused, or answered something other than `{url, token}`. */
  | 'token_failed'
  /** The room connection failed (server unreachable, token rejected, timeout). */
  | 'connect_failed'
  /** No microphone, permission denied, or publishing failed: fall back to text input. */
  | 'mic_unavailable'
  /** A message could not be encoded or sent, or a reply RPC failed. */
  | 'send_failed'
  /** An incoming audio stream had an unusable header. */
  | 'bad_audio_stream'
  /** The operation needs a connected room. */
  | 'not_connected'
  /** The transport was used after `dispose()`. */
  | 'disposed';

/**
 * A typed failure of `@digital-human/livekit`: a `code`, a message prefixed with the owner
 * (`'DigitalHuman.LiveKit: ...'`) and the `cause`. Build it with the static factories.
 */
export class LiveKitTransportError extends DigitalHumanError<LiveKitTransportErrorCode> {
  static override readonly owner = 'DigitalHuman.LiveKit';
  override readonly name = 'LiveKitTransportError';

  /** True when `value` is a `LiveKitTransportError`, optionally with `code`. */
  static isTransportError(value: unknown, code?: LiveKitTransportErrorCode): value is LiveKitTransportError {
    return value instanceof LiveKitTransportError && (code === undefined || value.code === code);
  }

  /** The token endpoint failed or answered something unusable. */
  static tokenFailed(message: string, cause?: unknown): LiveKitTransportError {
    return new LiveKitTransportError('token_failed', message, withCause(cause));
  }

  /** Joining the room failed. */
  static connectFailed(message: string, cause?: unknown): LiveKitTransportError {
    return new LiveKitTransportError('connect_failed', message, withCause(cause));
  }

  /** The microphone could not be opened or published. */
  static micUnavailable(message: string, cause?: unknown): LiveKitTransportError {
    return new LiveKitTransportError('mic_unavailable', message, withCause(cause));
  }

  /** A message could not be encoded or sent. */
  static sendFailed(message: string, cause?: unknown): LiveKitTransportError {
    return new LiveKitTransportError('send_failed', message, withCause(cause));
  }

  /** An `lk.audio_stream` header (sample rate, channels) was refused. */
  static badAudioStream(message: string, cause?: unknown): LiveKitTransportError {
    return new LiveKitTransportError('bad_audio_stream', message, withCause(cause));
  }

  /** `what` needs a connected room. */
  static notConnected(what: string): LiveKitTransportError {
    return new LiveKitTransportError('not_connected', `${what} needs a connected room; call connect() first`);
  }

  /** The transport was used after `dispose()`. */
  static transportDisposed(what: string): LiveKitTransportError {
    return new LiveKitTransportError('disposed', `${what} was called after dispose()`);
  }
}

function withCause(cause: unknown): { cause?: unknown } | undefined {
  return cause === undefined ? undefined : { cause };
}
