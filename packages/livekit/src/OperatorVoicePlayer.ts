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

/** Options of an {@link OperatorVoicePlayer}: its lip-sync's, and where the voice is heard. */
export interface OperatorVoicePlayerOptions extends OperatorVoiceLipsyncOptions {
  /**
   * Route the voice through Web Audio into this node (e.g. an app's meter or mix bus) instead of the media
   * element's own output; the element then plays muted (Chromium feeds a remote track to Web Audio only while an
   * element plays it). Default: the element plays it.
   */
  output?: AudioNode;
  /** Whether the voice is heard from the start (default true); see {@link OperatorVoicePlayer.setAudible}. */
  audible?: boolean;
}

/** Time constant of the fade when the voice is made (in)audible, seconds (≈ 50 ms to silence). */
const GATE_TIME_CONSTANT = 0.01;

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
  /** Fades the voice in and out when it plays through Web Audio (`output`). */
  private readonly gate: GainNode | null;
  private audibleNow: boolean;
  private readonly playing = new Map<MediaStreamTrack, { source: AudioNode; elements: HTMLMediaElement[] }>();
  private room: OperatorVoicePlayerRoom | null;
  private readonly onSubscribed: OperatorVoiceTrackListener = (track, _publication, participant) =>
    this.subscribed(track, participant);
  private readonly onUnsubscribed: OperatorVoiceTrackListener = (track, _publication, participant) =>
    this.stopTrack(track, participant.identity);

  constructor(
    room: OperatorVoicePlayerRoom,
    context: AudioContext,
    options: OperatorVoicePlayerOptions = {},
  ) {
    super();
    this.room = room;
    this.audibleNow = options.audible ?? true;
    this.analyser = new AnalyserNode(context, { fftSize: 1024 });
    this.lipsync = new OperatorVoiceLipsync(this.analyser, options);
    this.gate = null;
    if (options.output) {
      this.gate = new GainNode(context, { gain: this.audibleNow ? 1 : 0 });
      this.gate.connect(options.output);
    }
    room.on('trackSubscribed', this.onSubscribed);
    room.on('trackUnsubscribed', this.onUnsubscribed);
  }

  /** Whether the operator's voice is heard (the lip-sync keeps listening either way). */
  get audible(): boolean {
    return this.audibleNow;
  }

  /**
   * Lets the customer hear the operator's voice, or not (e.g. only while the operator controls the avatar): a
   * short fade through Web Audio with `output`, else the media elements are (un)muted. Assumes the room plays
   * remote audio through elements (livekit-client's default, `webAudioMix: false`).
   */
  setAudible(audible: boolean): void {
    if (audible === this.audibleNow) return;
    this.audibleNow = audible;
    if (this.gate) {
      const now = this.gate.context.currentTime;
      this.gate.gain.cancelScheduledValues(now);
      this.gate.gain.setTargetAtTime(audible ? 1 : 0, now, GATE_TIME_CONSTANT);
      return;
    }
    for (const entry of this.playing.values()) for (const el of entry.elements) el.muted = !audible;
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
    this.gate?.disconnect();
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
    if (this.gate || !this.audibleNow) element.muted = true;
    const context = this.analyser.context as AudioContext;
    const source = context.createMediaStreamSource(new MediaStream([media]));
    source.connect(this.analyser);
    if (this.gate) source.connect(this.gate);
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
