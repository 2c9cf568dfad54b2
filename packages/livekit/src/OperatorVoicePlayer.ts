import { Emitter } from '@digital-human/core';
import { roleFromAttributes } from '@digital-human/protocol';
import type { SecurityEvent } from './LiveKitTransportEvents';
import { OperatorVoiceLipsync, type OperatorVoiceLipsyncOptions } from './OperatorVoiceLipsync';

/** The `topic` of security events about audio tracks. */
const AUDIO_TRACK = 'audio-track';

/** The part of a subscribed livekit-client `RemoteTrack` the player uses. */
export interface OperatorVoiceRemoteTrack {
  readonly kind: string;
  readonly mediaStreamTrack: MediaStreamTrack;
  attach(): HTMLMediaElement;
  detach(): HTMLMediaElement[];
}

/** A participant as livekit-client reports it with a track event. */
export interface OperatorVoiceRemoteParticipant {
  readonly identity: string;
  readonly attributes: Readonly<Record<string, string>>;
}

/** `RoomEvent.TrackSubscribed` / `TrackUnsubscribed` listeners, as the player registers them. */
export type OperatorVoiceTrackListener = (
  track: OperatorVoiceRemoteTrack,
  publication: unknown,
  participant: OperatorVoiceRemoteParticipant,
) => void;

/** The part of a livekit-client `Room` the player uses. */
export interface OperatorVoicePlayerRoom {
  on(event: 'trackSubscribed' | 'trackUnsubscribed', listener: OperatorVoiceTrackListener): unknown;
  off(event: 'trackSubscribed' | 'trackUnsubscribed', listener: OperatorVoiceTrackListener): unknown;
}

/** The events of an {@link OperatorVoicePlayer}. */
export interface OperatorVoicePlayerEvents {
  /** An operator's voice started (`track`) or stopped (`null`) playing. */
  voice: { readonly identity: string; readonly track: MediaStreamTrack | null };
  /** An audio track from someone who is not an operator or agent was not played. */
  security: SecurityEvent;
}

/**
 * The customer's side of the operator's voice: plays the audio track an operator publishes (`OperatorVoice`) and
 * feeds it to a loudness lip-sync, {@link lipsync}, which `PuppetDriver` uses as its `fallbackMouth` while the
 * operator's face data is missing. Only tracks of participants whose server-set `dh.role` is `operator` are played
 * this way; agents' tracks are left to the app, anyone else's are not played and reported as `security`.
 *
 * ```ts
 * const voice = new OperatorVoicePlayer(transport.room!, transport.audioContext!);
 * const puppet = new PuppetDriver({ clock, fallbackMouth: voice.lipsync });
 * ```
 */
export class OperatorVoicePlayer extends Emitter<OperatorVoicePlayerEvents> {
  /** Mouth from the operator's voice loudness (silent, claiming nothing, while no operator speaks). */
  readonly lipsync: OperatorVoiceLipsync;
  private readonly analyser: AnalyserNode;
  private readonly playing = new Map<MediaStreamTrack, { source: AudioNode; elements: HTMLMediaElement[] }>();
  private room: OperatorVoicePlayerRoom | null;
  private readonly onSubscribed: OperatorVoiceTrackListener = (track, _publication, participant) =>
    this.subscribed(track, participant);
  private readonly onUnsubscribed: OperatorVoiceTrackListener = (track, _publication, participant) =>
    this.stopTrack(track, participant.identity);

  constructor(room: OperatorVoicePlayerRoom, context: AudioContext, lipsync?: OperatorVoiceLipsyncOptions) {
    super();
    this.room = room;
    this.analyser = new AnalyserNode(context, { fftSize: 1024 });
    this.lipsync = new OperatorVoiceLipsync(this.analyser, lipsync);
    room.on('trackSubscribed', this.onSubscribed);
    room.on('trackUnsubscribed', this.onUnsubscribed);
  }

  /** Stops playing, stops listening and removes all listeners. */
  dispose(): void {
    this.room?.off('trackSubscribed', this.onSubscribed);
    this.room?.off('trackUnsubscribed', this.onUnsubscribed);
    this.room = null;
    // The tracks belong to the room: they are detached here, not stopped.
    for (const entry of this.playing.values()) {
      entry.source.disconnect();
      for (const el of entry.elements) el.remove();
    }
    this.playing.clear();
    this.analyser.disconnect();
    this.removeAllListeners();
  }

  private subscribed(track: OperatorVoiceRemoteTrack, participant: OperatorVoiceRemoteParticipant): void {
    if (track.kind !== 'audio') return;
    const role = roleFromAttributes(participant.attributes);
    if (role === 'agent') return;
    if (role !== 'operator') {
      const sender = { identity: participant.identity, role };
      const reason = role === null ? 'untrusted-role' : 'forbidden-sender';
      this.emit('security', { reason, sender, topic: AUDIO_TRACK });
      return;
    }
    const media = track.mediaStreamTrack;
    // Played through a media element (Chrome only feeds a remote WebRTC track into Web Audio while one plays it),
    // analysed through the context.
    const element = track.attach();
    const context = this.analyser.context as AudioContext;
    const source = context.createMediaStreamSource(new MediaStream([media]));
    source.connect(this.analyser);
    this.playing.set(media, { source, elements: [element] });
    this.emit('voice', { identity: participant.identity, track: media });
  }

  private stopTrack(track: OperatorVoiceRemoteTrack, identity: string): void {
    const entry = this.playing.get(track.mediaStreamTrack);
    if (!entry) return;
    this.playing.delete(track.mediaStreamTrack);
    entry.source.disconnect();
    for (const el of track.detach()) el.remove();
    this.emit('voice', { identity, track: null });
  }
}
