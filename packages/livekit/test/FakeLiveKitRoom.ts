// A fake livekit-client Room for unit tests of LiveKitTransport: the boundary where the real room would talk to
// livekit-server. It records what the transport publishes and lets a test play the server's side (data from a
// participant, a signal drop, a full reconnect).
import { EventEmitter } from 'node:events';
import type { LiveKitModule } from '../src/bindRoomEvents';

/** The room events the transport listens to, with livekit-client's string values. */
const FakeRoomEvent = {
  Connected: 'connected',
  Reconnecting: 'reconnecting',
  SignalReconnecting: 'signalReconnecting',
  Reconnected: 'reconnected',
  Disconnected: 'disconnected',
  AudioPlaybackStatusChanged: 'audioPlaybackChanged',
  DataReceived: 'dataReceived',
  ParticipantConnected: 'participantConnected',
  TrackSubscribed: 'trackSubscribed',
  TrackUnsubscribed: 'trackUnsubscribed',
} as const;

/** One `publishData` call the transport made. */
export interface FakePublished {
  readonly topic: string;
  /** The payload parsed as JSON. */
  readonly message: { readonly type: string; readonly [key: string]: unknown };
}

/** A fake `Room`: only what the transport touches. */
export class FakeLiveKitRoom extends EventEmitter {
  /** Every room the fake module created, newest last. */
  static readonly created: FakeLiveKitRoom[] = [];
  readonly published: FakePublished[] = [];
  readonly remoteParticipants = new Map<string, { identity: string; attributes: Record<string, string> }>();
  readonly canPlaybackAudio = true;
  /** While true, `publishData` rejects (the data channel is down). */
  failPublish = false;
  readonly localParticipant = {
    publishData: async (payload: Uint8Array, options: { topic?: string }) => {
      if (this.failPublish) throw new Error('fake: data channel closed');
      const message = JSON.parse(new TextDecoder().decode(payload));
      this.published.push({ topic: options.topic ?? '', message });
    },
    performRpc: async () => 'ok',
    registerRpcMethod: () => undefined,
    unregisterRpcMethod: () => undefined,
    setMicrophoneEnabled: async () => undefined,
  };

  constructor() {
    super();
    FakeLiveKitRoom.created.push(this);
  }

  /** The types the transport published, in order. */
  get publishedTypes(): string[] {
    return this.published.map((p) => p.message.type);
  }

  async connect(): Promise<void> {
    this.emit(FakeRoomEvent.Connected);
  }

  async disconnect(): Promise<void> {
    this.emit(FakeRoomEvent.Disconnected, 1);
  }

  async startAudio(): Promise<void> {}

  registerTextStreamHandler(): void {}
  unregisterTextStreamHandler(): void {}
  registerByteStreamHandler(): void {}
  unregisterByteStreamHandler(): void {}
  registerRpcMethod(): void {}
  unregisterRpcMethod(): void {}

  /** A participant whose server-set attributes are `attributes` joined. */
  join(identity: string, attributes: Record<string, string>): void {
    const participant = { identity, attributes };
    this.remoteParticipants.set(identity, participant);
    this.emit(FakeRoomEvent.ParticipantConnected, participant);
  }

  /** `identity` sent `message` (JSON) on `topic`. */
  receive(identity: string, topic: string, message: object): void {
    const payload = new TextEncoder().encode(JSON.stringify(message));
    this.emit(FakeRoomEvent.DataReceived, payload, this.remoteParticipants.get(identity), 0, topic);
  }

  /**
   * `identity` publishes an audio track the room subscribed to; returns the fake track (`attached` counts its
   * audio elements, `play()` sets the last frame its RTP receiver played out).
   */
  subscribeAudio(identity: string) {
    let last: { rtpTimestamp: number; timestamp: number; audioLevel: number; source: number } | undefined;
    const track = {
      kind: 'audio',
      attached: 0,
      attach: () => {
        track.attached += 1;
        return {};
      },
      detach: () => undefined,
      receiver: { getSynchronizationSources: () => (last ? [last] : []) },
      play(rtpTimestamp: number, timestamp: number, audioLevel: number) {
        last = { rtpTimestamp, timestamp, audioLevel, source: 1 };
      },
    };
    this.emit(FakeRoomEvent.TrackSubscribed, track, {}, this.remoteParticipants.get(identity));
    return track;
  }

  /** The connection drops: a resume (`signal`) or a full reconnect, which unwinds every participant. */
  drop(kind: 'signal' | 'full'): void {
    this.failPublish = true;
    this.emit(kind === 'full' ? FakeRoomEvent.Reconnecting : FakeRoomEvent.SignalReconnecting);
  }

  /** The connection is back. */
  restore(): void {
    this.failPublish = false;
    this.emit(FakeRoomEvent.Reconnected);
  }
}

/** The fake livekit-client module to pass as `loadLiveKit`. */
export function fakeLiveKitModule(): LiveKitModule {
  const module = {
    Room: FakeLiveKitRoom,
    RoomEvent: FakeRoomEvent,
    DisconnectReason: { 1: 'CLIENT_INITIATED' },
  };
  return module as unknown as LiveKitModule;
}

/** A fake running `AudioContext` (the transport's player needs one; no audio is played in these tests). */
export function fakeAudioContext(): AudioContext {
  const context = {
    state: 'running',
    currentTime: 0,
    outputLatency: 0,
    baseLatency: 0,
    destination: {},
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    resume: async () => undefined,
    close: async () => undefined,
  };
  return context as unknown as AudioContext;
}
