import {
  decodePlaybackFinished,
  encode,
  type JsonMessage,
  type PlaybackFinishedPayload,
  type Role,
  roleFromAttributes,
  type Sender,
  Topic,
  topicFor,
} from '@digital-human/protocol';
import {
  type LocalParticipant,
  type Participant,
  type RemoteParticipant,
  Room,
  RoomEvent,
  RpcError,
} from '@livekit/rtc-node';
import { DialogServerError } from './DialogServerError';
import type { AudioStreamHeader, AudioStreamSink, SessionLink } from './SessionLink';

/** rtc-node's publishData options (not exported by name). */
type DataPublishOptions = Parameters<LocalParticipant['publishData']>[1];

/** The attribute of an `lk.audio_stream` naming the utterance it speaks (its `speech.start` / `speech.visemes`). */
export const UTTERANCE_ATTRIBUTE = 'dh.utterance_id';

/** Runs an RPC handler; a refusal goes back to the caller as an application error (code 1), not a logged crash. */
async function answer(handle: () => void): Promise<string> {
  try {
    handle();
    return 'ok';
  } catch (e) {
    throw new RpcError(REFUSED, e instanceof Error ? e.message.slice(0, 200) : 'refused');
  }
}

/** Our RPC error code for a refused call (1001-1999 are LiveKit's own). */
const REFUSED = 1;

/** Who the link feeds: a `Session` (its methods of the same names). */
export interface RoomLinkTarget {
  receive(payload: Uint8Array | string, sender: Sender): void;
  playbackStarted(callerIdentity: string): void;
  playbackFinished(callerIdentity: string, payload: PlaybackFinishedPayload): void;
  customerArrived(): void;
  customerLeft(): void;
}

/** Our data topics the agent listens on (the browser's `user.*` and `hello`/`ack`; operators' handoff). */
const INBOUND_TOPICS: readonly string[] = [Topic.control, Topic.user, Topic.handoff, Topic.speech];

/**
 * The agent's side of one LiveKit room over `@livekit/rtc-node`: implements {@link SessionLink} (reliable data on
 * our topics, `lk.audio_stream` byte streams, `lk.transcription` text streams, the `lk.clear_buffer` RPC) and feeds
 * a {@link RoomLinkTarget} with what arrives, each payload with its sender's identity and server-set role.
 */
export class RoomLink implements SessionLink {
  /** The rtc-node room (connected after {@link RoomLink.connect}). */
  readonly room = new Room();
  private target: RoomLinkTarget | undefined;

  constructor(private readonly customerIdentity: string) {
    this.room.on(RoomEvent.DataReceived, (payload, participant, _kind, topic) => {
      if (participant && topic !== undefined && INBOUND_TOPICS.includes(topic))
        this.target?.receive(payload, this.senderOf(participant));
    });
    // rtc-node drops the sender of data that arrives before the participant is announced (its first packets):
    // such data has no role and is refused; the session greets on arrival if the hello was lost that way.
    this.room.on(RoomEvent.ParticipantConnected, (participant) => {
      if (participant.identity === this.customerIdentity) this.target?.customerArrived();
    });
    this.room.on(RoomEvent.ParticipantDisconnected, (participant) => {
      if (participant.identity === this.customerIdentity) this.target?.customerLeft();
    });
    for (const topic of INBOUND_TOPICS) {
      this.room.registerTextStreamHandler(topic, (reader, { identity }) => {
        const participant = this.room.remoteParticipants.get(identity);
        if (!participant) return;
        void reader.readAll().then((text) => this.target?.receive(text, this.senderOf(participant)));
      });
    }
  }

  /** Joins the room with the agent's token and registers the avatar RPCs. */
  async connect(url: string, token: string, target: RoomLinkTarget): Promise<void> {
    this.target = target;
    try {
      await this.room.connect(url, token, { autoSubscribe: false, dynacast: false });
    } catch (cause) {
      throw DialogServerError.roomFailed('the agent could not join the room', cause);
    }
    const local = this.local();
    local.registerRpcMethod('lk.playback_started', (data) =>
      answer(() => target.playbackStarted(data.callerIdentity)),
    );
    local.registerRpcMethod('lk.playback_finished', (data) =>
      answer(() => {
        const decoded = decodePlaybackFinished(data.payload);
        if (!decoded.ok) throw decoded.error;
        target.playbackFinished(data.callerIdentity, decoded.value);
      }),
    );
    if (this.customerPresent) target.customerArrived();
  }

  /** The customer is in the room now. */
  get customerPresent(): boolean {
    return this.room.remoteParticipants.has(this.customerIdentity);
  }

  async send(message: JsonMessage, to?: readonly string[]): Promise<void> {
    const options: DataPublishOptions = { reliable: true, topic: topicFor(message.type) };
    if (to) options.destination_identities = [...to];
    await this.local().publishData(encode(message), options);
  }

  async openAudio(to: string, header: AudioStreamHeader): Promise<AudioStreamSink> {
    const writer = await this.local().streamBytes({
      name: `AUDIO_${header.utteranceId}`,
      topic: 'lk.audio_stream',
      mimeType: 'audio/pcm',
      destinationIdentities: [to],
      attributes: {
        sample_rate: String(header.sampleRate),
        num_channels: String(header.channels),
        [UTTERANCE_ATTRIBUTE]: header.utteranceId,
      },
    });
    return { write: (chunk) => writer.write(chunk), close: () => writer.close() };
  }

  async sendTranscription(to: string, segmentId: string, text: string): Promise<void> {
    const writer = await this.local().streamText({
      topic: 'lk.transcription',
      destinationIdentities: [to],
      attributes: { 'lk.segment_id': segmentId, 'lk.transcription_final': 'true' },
    });
    await writer.write(text);
    await writer.close();
  }

  async clearBuffer(to: string): Promise<void> {
    await this.local().performRpc({
      destinationIdentity: to,
      method: 'lk.clear_buffer',
      payload: '',
      responseTimeout: 5000,
    });
  }

  participantsWithRole(role: Role): readonly string[] {
    const out: string[] = [];
    for (const p of this.room.remoteParticipants.values())
      if (roleFromAttributes(p.attributes) === role) out.push(p.identity);
    return out;
  }

  /** Leaves the room; the target gets nothing more. */
  async disconnect(): Promise<void> {
    this.target = undefined;
    this.room.removeAllListeners();
    await this.room.disconnect();
  }

  private senderOf(participant: RemoteParticipant | Participant): Sender {
    return { identity: participant.identity, role: roleFromAttributes(participant.attributes) };
  }

  private local() {
    const local = this.room.localParticipant;
    if (!local) throw DialogServerError.roomFailed('the agent is not connected');
    return local;
  }
}
