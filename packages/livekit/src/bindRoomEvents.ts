import type { Room } from 'livekit-client';
import type { ConnectionChange } from './LiveKitTransportEvents';

/** The runtime values of livekit-client the transport needs (the module is loaded lazily). */
export type LiveKitModule = typeof import('livekit-client');

/** Where room events go. */
export interface RoomEventCallbacks {
  connection(change: ConnectionChange): void;
  /** The room's audio element playback status changed (autoplay blocked or unlocked). */
  audioPlayback(): void;
  /** A data packet on `topic` from `identity` ('' when the server sent it). */
  data(payload: Uint8Array, identity: string, topic: string): void;
}

/**
 * Forwards a room's connection, autoplay and data events to `callbacks`; returns the function that stops it.
 * LiveKit's `SignalReconnecting` (signal only, media flowing: a resume follows) is reported as `reconnecting` too;
 * its `Reconnecting` means a full reconnect (the room unwinds every participant), so the `reconnected` after it
 * says `full: true`.
 */
export function bindRoomEvents(lk: LiveKitModule, room: Room, callbacks: RoomEventCallbacks): () => void {
  const { RoomEvent, DisconnectReason } = lk;
  const onConnected = () => callbacks.connection({ state: 'connected' });
  let full = false;
  const onReconnecting = () => {
    full = true;
    callbacks.connection({ state: 'reconnecting' });
  };
  const onSignalReconnecting = () => callbacks.connection({ state: 'reconnecting' });
  const onReconnected = () => {
    callbacks.connection({ state: 'reconnected', full });
    full = false;
  };
  const onDisconnected = (reason?: number) => {
    const name = reason === undefined ? 'UNKNOWN_REASON' : (DisconnectReason[reason] ?? String(reason));
    callbacks.connection({ state: 'disconnected', reason: name });
  };
  const onPlayback = () => callbacks.audioPlayback();
  const onData = (
    payload: Uint8Array,
    participant?: { identity: string },
    _kind?: unknown,
    topic?: string,
    _encryption?: unknown,
    participantIdentity?: string,
  ) => {
    // `participant` is undefined while the sender is not announced yet; its identity still comes along.
    callbacks.data(payload, participant?.identity ?? participantIdentity ?? '', topic ?? '');
  };
  room
    .on(RoomEvent.Connected, onConnected)
    .on(RoomEvent.Reconnecting, onReconnecting)
    .on(RoomEvent.SignalReconnecting, onSignalReconnecting)
    .on(RoomEvent.Reconnected, onReconnected)
    .on(RoomEvent.Disconnected, onDisconnected)
    .on(RoomEvent.AudioPlaybackStatusChanged, onPlayback)
    .on(RoomEvent.DataReceived, onData);
  return () => {
    room
      .off(RoomEvent.Connected, onConnected)
      .off(RoomEvent.Reconnecting, onReconnecting)
      .off(RoomEvent.SignalReconnecting, onSignalReconnecting)
      .off(RoomEvent.Reconnected, onReconnected)
      .off(RoomEvent.Disconnected, onDisconnected)
      .off(RoomEvent.AudioPlaybackStatusChanged, onPlayback)
      .off(RoomEvent.DataReceived, onData);
  };
}
