import type { Emitter } from '@digital-human/core';
import type { Room, RoomOptions } from 'livekit-client';
import { AvatarAudioReceiver } from './AvatarAudioReceiver';
import { AvatarTrackReceiver } from './AvatarTrackReceiver';
import { bindAgentTracks } from './bindAgentTracks';
import { bindRoomEvents, type LiveKitModule } from './bindRoomEvents';
import type { ConnectionChange, LiveKitTransportEvents } from './LiveKitTransportEvents';
import type { MessageSender } from './MessageCodec';
import type { MessageGate } from './MessageGate';
import { MicrophoneControl } from './MicrophoneControl';
import { ParticipantDirectory } from './ParticipantDirectory';
import type { PcmStreamPlayer } from './PcmStreamPlayer';
import { TranscriptionReceiver } from './TranscriptionReceiver';

/** What a {@link LiveKitSession} needs from its transport. */
export interface LiveKitSessionOptions<In> {
  readonly roomOptions: RoomOptions | undefined;
  /** Validates and delivers messages; decides whom to trust on which topic. */
  readonly gate: MessageGate<In>;
  /** The data topics the codec reads (data packets and text streams). */
  readonly topics: readonly string[];
  /** Plays `lk.audio_stream` speech; its context also times speech on agents' audio tracks. */
  readonly player: PcmStreamPlayer;
  /** Where captions, speech start/end and playback errors go. */
  readonly events: Pick<Emitter<LiveKitTransportEvents<In>>, 'emit'>;
  /** The room's connection changed. */
  connection(change: ConnectionChange): void;
  /** The room's autoplay state changed. */
  audioPlayback(): void;
}

/**
 * One joined (or joining) room of a `LiveKitTransport`: the livekit-client `Room` and everything bound to it for
 * that connection (participant roles, data and text-stream messages, captions, `lk.audio_stream` and track speech,
 * the microphone). Created on `connect()`, disposed when the room is left or finished; the transport keeps what
 * outlives a room (outbox, player, audio context).
 */
export class LiveKitSession<In> {
  readonly room: Room;
  readonly receiver: AvatarAudioReceiver;
  /** Times speech that arrives on agents' audio tracks. */
  readonly tracks: AvatarTrackReceiver;
  readonly captions: TranscriptionReceiver;
  readonly directory: ParticipantDirectory;
  readonly microphone: MicrophoneControl;
  private readonly topics: readonly string[];
  private readonly unbind: () => void;

  constructor(lk: LiveKitModule, options: LiveKitSessionOptions<In>) {
    const { gate, player, events } = options;
    const room = new lk.Room(options.roomOptions);
    this.room = room;
    this.topics = options.topics;
    const directory = new ParticipantDirectory(room, lk.RoomEvent.ParticipantConnected);
    this.directory = directory;
    const senderOf = async (identity: string): Promise<MessageSender> =>
      gate.senderOf(identity, await directory.attributesOf(identity));
    const topics = new Set(options.topics);
    const unbindRoom = bindRoomEvents(lk, room, {
      connection: (change) => options.connection(change),
      audioPlayback: () => options.audioPlayback(),
      data: (payload, identity, topic) => {
        if (!topics.has(topic)) return;
        void senderOf(identity).then((sender) => gate.receive(payload, sender, topic));
      },
    });
    for (const topic of topics) {
      room.registerTextStreamHandler(topic, async (reader, { identity }) => {
        const sender = await senderOf(identity);
        if (gate.trust(sender, topic)) gate.receive(await reader.readAll(), sender, topic);
      });
    }
    const trustedSender = async (identity: string, topic: string) => {
      const sender = await senderOf(identity);
      return gate.trust(sender, topic) ? sender : null;
    };
    this.captions = new TranscriptionReceiver(room, {
      trustedSender,
      transcription: (e) => events.emit('transcription', e),
    });
    this.receiver = new AvatarAudioReceiver(room, player, {
      trustedSender,
      started: (e) => events.emit('speechstarted', e),
      finished: (e) => events.emit('speechfinished', e),
      error: (e) => events.emit('error', e),
    });
    this.microphone = new MicrophoneControl(room.localParticipant);
    this.tracks = new AvatarTrackReceiver(player.context, {
      started: (e) => events.emit('speechstarted', e),
      finished: (e) => events.emit('speechfinished', e),
    });
    const unbindTracks = bindAgentTracks(lk, room, this.tracks, {
      context: player.context,
      trusted: (participant, topic) => {
        const sender = gate.senderOf(participant.identity, participant.attributes);
        return gate.trust(sender, topic) ? sender : null;
      },
    });
    this.unbind = () => {
      unbindTracks();
      unbindRoom();
    };
  }

  /** Drops the speech in flight (after a full reconnect the service starts over). */
  resetSpeech(): void {
    this.receiver.reset();
    this.tracks.reset();
  }

  /** Stops every receiver and removes the handlers and listeners it put on the room (the room is not left here). */
  dispose(): void {
    this.receiver.dispose();
    this.tracks.dispose();
    this.captions.dispose();
    this.directory.dispose();
    for (const topic of this.topics) this.room.unregisterTextStreamHandler(topic);
    this.unbind();
  }
}
