import { ProtocolError } from './ProtocolError';
import { boolean, createContext, INVALID, type Infer, isPlainObject, number, object } from './schemaIndex';

/**
 * Payload of the `lk.playback_finished` RPC of the LiveKit Agents avatar convention (snake_case on the wire, as
 * the agents send and expect it): how far the avatar played, in seconds, and whether it was interrupted.
 */
export const playbackFinishedSchema = object({
  playback_position: number(0, 86_400),
  interrupted: boolean(),
});
/** The `lk.playback_finished` payload. */
export type PlaybackFinishedPayload = Infer<typeof playbackFinishedSchema>;

/** Longest accepted RPC payload, characters. */
const MAX_RPC_PAYLOAD = 1024;

/** Result of {@link decodePlaybackFinished}; it never throws. */
export type PlaybackFinishedResult =
  | { readonly ok: true; readonly value: PlaybackFinishedPayload }
  | { readonly ok: false; readonly error: ProtocolError };

/** Serialises an `lk.playback_finished` payload (position in seconds). */
export function encodePlaybackFinished(playbackPositionSec: number, interrupted: boolean): string {
  const position = Number.isFinite(playbackPositionSec) ? Math.max(0, playbackPositionSec) : 0;
  return JSON.stringify({ playback_position: position, interrupted });
}

/** Parses and validates an `lk.playback_finished` payload. Never throws. */
export function decodePlaybackFinished(payload: string): PlaybackFinishedResult {
  if (payload.length > MAX_RPC_PAYLOAD)
    return { ok: false, error: ProtocolError.tooLarge(payload.length, MAX_RPC_PAYLOAD) };
  let raw: unknown;
  try {
    raw = JSON.parse(payload);
  } catch (e) {
    return { ok: false, error: ProtocolError.malformed('playback_finished payload is not JSON', e) };
  }
  if (!isPlainObject(raw))
    return { ok: false, error: ProtocolError.malformed('playback_finished payload is not an object') };
  const ctx = createContext();
  const value = playbackFinishedSchema.check(raw, ctx);
  if (value === INVALID) {
    return { ok: false, error: ProtocolError.invalid('lk.playback_finished', ctx.issuePath, ctx.issue) };
  }
  return { ok: true, value };
}
