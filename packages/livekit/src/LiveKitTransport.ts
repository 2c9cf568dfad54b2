import { Emitter } from '@digital-human/core';
import type { JsonMessage, Message, Transport } from '@digital-human/protocol';
import type { AudioCaptureOptions, Room } from 'livekit-client';
import { AckOutbox } from './AckOutbox';
import type { LiveKitModule } from './bindRoomEvents';
import { fetchToken, type RoomCredentials } from './fetchToken';
import { LiveKitSession } from './LiveKitSession';
import { LiveKitTransportError } from './LiveKitTransportError';
import type { ConnectionChange, ConnectionPhase, LiveKitTransportEvents } from './LiveKitTransportEvents';
import type { LiveKitTransportOptions } from './LiveKitTransportOptions';
import type { MessageCodec } from './MessageCodec';
import { MessageGate } from './MessageGate';
import type { MicrophoneControl } from './MicrophoneControl';
import { PcmStreamPlayer } from './PcmStreamPlayer';
import { protocolCodec } from './protocolCodec';

/**
 * The browser's LiveKit transport: joins the room with a token from the bank's endpoint, surfaces connection and
 * autoplay state, publishes the microphone, plays agent speech from `lk.audio_stream` sample-exactly, turns
 * `lk.transcription` into captions, and delivers validated messages only from agents and operators.
 *
 * Nothing the customer did is lost: user actions and texts wait in an {@link AckOutbox} until the service's `ack`,
 * retried with backoff and kept across reconnects. After a full reconnect (the service saw the customer leave) the
 * transport resets the player, sends the app's last `hello` again (the service answers with the current state
 * instead of a new greeting), then everything still unacknowledged.
 *
 * ```ts
 * const transport = new LiveKitTransport({ tokenEndpoint: '/api/dh/token' });
 * transport.events.on('audioplayback', ({ canPlay }) => showTapToUnmute(!canPlay));
 * transport.events.on('message', ({ message }) => router.route(message));
 * await transport.connect();
 * ```
 * @typeParam In - messages received (default: the protocol's `Message`).
 * @typeParam Out - messages sent (default: the protocol's `JsonMessage`).
 */
export class LiveKitTransport<In extends Message = Message, Out extends JsonMessage = JsonMessage>
  implements Transport
{
  /** The transport's events. */
  readonly events = new Emitter<LiveKitTransportEvents<In>>();
  private readonly outbox: AckOutbox;
  /** The app's last `hello`, sent again after a full reconnect. */
  private hello: { readonly topic: string; readonly payload: Uint8Array } | undefined;
  private readonly codec: MessageCodec<In, Out>;
  private readonly gate: MessageGate<In>;
  private context: AudioContext | undefined;
  private ownsContext = false;
  private player: PcmStreamPlayer | undefined;
  private session: LiveKitSession<In> | undefined;
  private phase: ConnectionPhase = 'idle';
  private connecting: Promise<void> | undefined;
  private disposed = false;
  private readonly onContextState = () => this.emitPlayback();

  constructor(private readonly options: LiveKitTransportOptions<In, Out>) {
    this.codec = options.codec ?? (protocolCodec as unknown as MessageCodec<In, Out>);
    this.gate = new MessageGate<In>(this.codec, {
      message: (e) => {
        if (e.message.type === 'ack') this.outbox.ack(e.message.ackId);
        this.session?.tracks.receive(e.message, e.sender);
        this.events.emit('message', e);
      },
      security: (e) => this.events.emit('security', e),
      rejected: (e) => this.events.emit('rejected', e),
      upgradeneeded: (e) => this.events.emit('upgradeneeded', e),
    });
    this.outbox = new AckOutbox((topic, payload) => this.publish(topic, payload), options.outbox);
  }

  /** The current connection phase. */
  get state(): ConnectionPhase {
    return this.phase;
  }

  /** The context agent speech plays on (undefined before the first `connect()`): its clock times the visemes. */
  get audioContext(): AudioContext | undefined {
    return this.context;
  }

  /** True when audio may play; false means a user gesture must call {@link LiveKitTransport.startAudio}. */
  get canPlayAudio(): boolean {
    const roomOk = this.session?.room.canPlaybackAudio ?? true;
    return roomOk && this.context?.state === 'running';
  }

  /**
   * The livekit-client `Room` while connected: an escape hatch for what the transport does not wrap (device
   * selection, stats, `simulateScenario` in tests). Don't remove its listeners or handlers.
   */
  get room(): Room | undefined {
    return this.session?.room;
  }

  /** The customer's microphone (undefined while not connected). */
  get microphone(): MicrophoneControl | undefined {
    return this.session?.microphone;
  }

  /**
   * Fetches credentials and joins the room; resolves once connected (concurrent calls share the attempt).
   * After a `disconnected` event it may be called again.
   * @throws {@link LiveKitTransportError} `token_failed` or `connect_failed` (the state is then `disconnected`).
   */
  connect(): Promise<void> {
    if (this.disposed) return Promise.reject(LiveKitTransportError.transportDisposed('connect()'));
    if (this.session && this.phase !== 'connecting') return Promise.resolve();
    this.connecting ??= this.join().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  /** Unlocks audio: call from a user gesture (tap) when `audioplayback` says `canPlay: false`. */
  async startAudio(): Promise<void> {
    await Promise.all([this.session?.room.startAudio(), this.context?.resume()]);
    this.emitPlayback();
  }

  /** Publishes the microphone with echo cancellation; throws `mic_unavailable` (fall back to text input). */
  async enableMicrophone(capture?: AudioCaptureOptions): Promise<void> {
    const microphone = this.session?.microphone;
    if (!microphone) throw LiveKitTransportError.notConnected('enableMicrophone()');
    await microphone.enable(capture);
  }

  /**
   * Validates, encodes and sends a message reliably (to everyone, or to `destinationIdentities`). User actions and
   * texts sent to everyone go through the outbox: kept until acknowledged, so while reconnecting (or disconnected
   * after having been connected) they resolve at once, queued, and are sent when the room is back.
   * @throws {@link LiveKitTransportError} `send_failed` (invalid, or publishing failed), `not_connected`.
   */
  async send(message: Out, destinationIdentities?: string[]): Promise<void> {
    if (this.disposed) throw LiveKitTransportError.transportDisposed('send()');
    let encoded: { readonly topic: string; readonly payload: Uint8Array };
    try {
      encoded = this.codec.encode(message);
    } catch (cause) {
      throw LiveKitTransportError.sendFailed('the message did not validate', cause);
    }
    if (message.type === 'hello') this.hello = encoded;
    if ((message.type === 'user.action' || message.type === 'user.text') && !destinationIdentities)
      return this.outbox.add(message.id, encoded.topic, encoded.payload);
    await this.publish(encoded.topic, encoded.payload, destinationIdentities);
  }

  /** Ids of user actions and texts still waiting for the service's ack, oldest first. */
  get unacknowledged(): readonly string[] {
    return this.outbox.pendingIds;
  }

  /** Leaves the room and stops speech; `connect()` may be called again. */
  async disconnect(): Promise<void> {
    const room = this.session?.room;
    if (!room) return;
    await room.disconnect();
    this.closeSession();
  }

  /** Disconnects, closes the audio context it created and removes every listener. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.disconnect();
    this.outbox.dispose();
    this.player?.dispose();
    this.context?.removeEventListener('statechange', this.onContextState);
    if (this.ownsContext) await this.context?.close();
    this.events.removeAllListeners();
  }

  private async join(): Promise<void> {
    this.setPhase({ state: 'connecting' });
    try {
      const [credentials, lk] = await Promise.all([this.credentials(), this.loadLiveKit()]);
      const session = this.openSession(lk);
      this.session = session;
      await session.room.connect(credentials.url, credentials.token, this.options.connectOptions);
    } catch (cause) {
      this.closeSession();
      if (this.phase !== 'disconnected') this.setPhase({ state: 'disconnected', reason: 'JOIN_FAILURE' });
      throw LiveKitTransportError.isTransportError(cause)
        ? cause
        : LiveKitTransportError.connectFailed('could not join', cause);
    }
    this.emitPlayback();
  }

  private openSession(lk: LiveKitModule): LiveKitSession<In> {
    const session: LiveKitSession<In> = new LiveKitSession<In>(lk, {
      roomOptions: this.options.roomOptions,
      gate: this.gate,
      topics: this.codec.topics,
      player: this.ensurePlayer(),
      events: this.events,
      connection: (change) => {
        this.setPhase(change);
        this.afterPhase(change, session);
        // The room is finished (server gone for good, kicked, duplicate identity): allow a fresh connect().
        if (change.state === 'disconnected') this.closeSession();
      },
      audioPlayback: () => this.emitPlayback(),
    });
    return session;
  }

  /** Keeps the outbox in step with the connection; resyncs after a full reconnect. */
  private afterPhase(change: ConnectionChange, session: LiveKitSession<In>): void {
    if (change.state === 'reconnecting' || change.state === 'disconnected') this.outbox.setOnline(false);
    else if (change.state === 'connected') this.outbox.setOnline(true);
    else if (change.state === 'reconnected') {
      if (!change.full) {
        this.outbox.setOnline(true);
        return;
      }
      session.resetSpeech();
      const hello = this.hello;
      const sent = hello ? this.publish(hello.topic, hello.payload) : Promise.resolve();
      void sent
        .catch((cause: unknown) => this.events.emit('error', asSendError(cause, 'resending hello failed')))
        .then(() => this.outbox.setOnline(this.phase === 'connected'));
    }
  }

  /** Publishes an encoded message reliably on `topic`. */
  private async publish(topic: string, payload: Uint8Array, destinationIdentities?: string[]): Promise<void> {
    const room = this.session?.room;
    if (!room) throw LiveKitTransportError.notConnected('send()');
    const options = { topic, reliable: true, ...(destinationIdentities && { destinationIdentities }) };
    await room.localParticipant
      .publishData(payload as Uint8Array<ArrayBuffer>, options)
      .catch((cause: unknown) => {
        throw LiveKitTransportError.sendFailed(`publishing on ${topic} failed`, cause);
      });
  }

  private closeSession(): void {
    const session = this.session;
    if (!session) return;
    this.session = undefined;
    session.dispose();
  }

  private ensurePlayer(): PcmStreamPlayer {
    if (!this.context) {
      this.context = this.options.audioContext ?? new AudioContext({ latencyHint: 'interactive' });
      this.ownsContext = this.options.audioContext === undefined;
      this.context.addEventListener('statechange', this.onContextState);
    }
    if (!this.player) {
      this.player = new PcmStreamPlayer(this.context, this.options.player);
      this.player.events.on('underrun', (e) => this.events.emit('underrun', e));
    }
    return this.player;
  }

  private credentials(): Promise<RoomCredentials> {
    const { getCredentials, tokenEndpoint, tokenRequest } = this.options;
    if (getCredentials) return getCredentials();
    if (tokenEndpoint) return fetchToken(tokenEndpoint, tokenRequest);
    return Promise.reject(LiveKitTransportError.tokenFailed('give tokenEndpoint or getCredentials'));
  }

  private loadLiveKit(): Promise<LiveKitModule> {
    return this.options.loadLiveKit ? this.options.loadLiveKit() : import('livekit-client');
  }

  private setPhase(change: ConnectionChange): void {
    this.phase = change.state === 'reconnected' ? 'connected' : change.state;
    this.events.emit('connection', change);
  }

  private emitPlayback(): void {
    this.events.emit('audioplayback', { canPlay: this.canPlayAudio });
  }
}

function asSendError(cause: unknown, what: string): LiveKitTransportError {
  return LiveKitTransportError.isTransportError(cause)
    ? cause
    : LiveKitTransportError.sendFailed(what, cause);
}
