import type { RemoteParticipant, RemoteTrack, Room } from 'livekit-client';
import { AnalyserLevelTap } from './AnalyserLevelTap';
import type { AvatarTrackReceiver } from './AvatarTrackReceiver';
import type { LiveKitModule } from './bindRoomEvents';
import type { MessageSender } from './MessageCodec';

/** What {@link bindAgentTracks} needs from its owner. */
export interface AgentTrackCallbacks {
  /** The sender of a participant, or null after reporting a security event when it is not an agent/operator. */
  trusted(participant: RemoteParticipant, topic: string): MessageSender | null;
  /** The transport's audio context: a level tap on it times tracks whose RTP carries no audio level. */
  readonly context: BaseAudioContext;
}

/** The "topic" security events name for a refused audio track. */
export const AUDIO_TRACK_TOPIC = 'audio-track';

/**
 * Plays the audio tracks of agents (attached to an audio element, so `room.startAudio()` unlocks
 * them with the rest) and hands each track's RTP receiver to `tracks`, which times `audio: 'track'` utterances by
 * its playout. Operators' tracks are left to `OperatorVoicePlayer`; customers' are refused (a security event). Returns the function that stops it.
 */
export function bindAgentTracks(
  lk: LiveKitModule,
  room: Room,
  tracks: AvatarTrackReceiver,
  callbacks: AgentTrackCallbacks,
): () => void {
  const { RoomEvent } = lk;
  const attached = new Map<RemoteTrack, HTMLMediaElement>();
  const onSubscribed = (track: RemoteTrack, _publication: unknown, participant: RemoteParticipant) => {
    if (track.kind !== 'audio') return;
    // Operators' voices are the OperatorVoicePlayer's (with their loudness lip-sync); only agents' play here.
    if (callbacks.trusted(participant, AUDIO_TRACK_TOPIC)?.role !== 'agent') return;
    attached.set(track, track.attach());
    if (!track.receiver) return;
    const { context } = callbacks;
    const tap =
      'createMediaStreamSource' in context
        ? new AnalyserLevelTap(context as AudioContext, track.mediaStreamTrack)
        : undefined;
    tracks.addTrack(participant.identity, track.receiver, tap);
  };
  const onUnsubscribed = (track: RemoteTrack, _publication: unknown, participant: RemoteParticipant) => {
    const element = attached.get(track);
    if (!element) return;
    attached.delete(track);
    track.detach(element);
    tracks.removeTrack(participant.identity);
  };
  room.on(RoomEvent.TrackSubscribed, onSubscribed).on(RoomEvent.TrackUnsubscribed, onUnsubscribed);
  return () => {
    room.off(RoomEvent.TrackSubscribed, onSubscribed).off(RoomEvent.TrackUnsubscribed, onUnsubscribed);
    for (const [track, element] of attached) track.detach(element);
    attached.clear();
  };
}
