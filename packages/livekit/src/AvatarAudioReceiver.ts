import type { ByteStreamReader, Room } from 'livekit-client';
import { LiveKitTransportError } from './LiveKitTransportError';
import type { LiveKitTransportEvents } from './LiveKitTransportEvents';
import type { MessageSender } from './MessageCodec';
import type { PcmStreamPlayer, PlaybackFinished, PlaybackStarted } from './PcmStreamPlayer';

/** Names of the LiveKit Agents avatar convention (also in `@digital-human/protocol` as `LiveKitAvatar`). */
export const AvatarRpc = {
  audioStream: 'lk.audio_stream',
  clearBuffer: 'lk.clear_buffer',
  playbackStarted: 'lk.playback_started',
  playbackFinished: 'lk.playback_finished',
} as const;

/** The `lk.audio_stream` attribute naming the utterance (its `speech.start`/`speech.visemes` `utteranceId`). */
export const UTTERANCE_ID_ATTRIBUTE = 'dh.utterance_id';

/** Who sent a segment and which utterance it is. */
interface SegmentSource {
  readonly sender: MessageSender;
  readonly utteranceId: string;
}

/** The parts of a livekit-client `Room` the receiver uses. */
export type AvatarAudioRoom = Pick<
  Room,
  | 'registerByteStreamHandler'
  | 'unregisterByteStreamHandler'
  | 'registerRpcMethod'
  | 'unregisterRpcMethod'
  | 'localParticipant'
  | 'remoteParticipants'
>;

/** What the receiver needs from its owner. */
export interface AvatarAudioCallbacks {
  /** The sender of `identity`, or null after reporting a security event when it is not an agent/operator. */
  trustedSender(identity: string, topic: string): Promise<MessageSender | null>;
  started(event: LiveKitTransportEvents<unknown>['speechstarted']): void;
  finished(event: LiveKitTransportEvents<unknown>['speechfinished']): void;
  error(error: LiveKitTransportError): void;
}

/**
 * The browser's side of the LiveKit Agents avatar convention: plays PCM from the byte stream `lk.audio_stream`
 * (attributes `sample_rate`, `num_channels`, and ours `dh.utterance_id`, else the stream id names the utterance) on a {@link PcmStreamPlayer}, answers RPC `lk.clear_buffer` by
 * stopping all future audio, and tells the sending agent `lk.playback_started` (when the first sample is audible)
 * and `lk.playback_finished` (`{playback_position, interrupted}`, seconds of audio heard).
 */
export class AvatarAudioReceiver {
  private readonly sources = new Map<number, SegmentSource>();
  /** True while {@link AvatarAudioReceiver.reset} cuts: the agent's session is gone, so no RPC answers. */
  private resetting = false;
  private readonly startTimers = new Map<number, ReturnType<typeof setTimeout>>();
  private readonly offPlayer: Array<() => void>;

  constructor(
    private readonly room: AvatarAudioRoom,
    private readonly player: PcmStreamPlayer,
    private readonly callbacks: AvatarAudioCallbacks,
  ) {
    room.registerByteStreamHandler(AvatarRpc.audioStream, (reader, { identity }) => {
      void this.receive(reader, identity);
    });
    room.registerRpcMethod(AvatarRpc.clearBuffer, async ({ callerIdentity }) => {
      if (!(await callbacks.trustedSender(callerIdentity, AvatarRpc.clearBuffer)))
        throw new Error('not allowed');
      player.clear();
      return 'ok';
    });
    this.offPlayer = [
      player.events.on('started', (e) => this.onStarted(e)),
      player.events.on('finished', (e) => this.onFinished(e)),
    ];
  }

  /** Unregisters the stream handler and the RPC method; stops audio. */
  dispose(): void {
    this.room.unregisterByteStreamHandler(AvatarRpc.audioStream);
    this.room.unregisterRpcMethod(AvatarRpc.clearBuffer);
    for (const off of this.offPlayer) off();
    this.reset();
  }

  /**
   * Cuts all speech without answering the agent (after a full reconnect its session is gone): `finished` still
   * reports each cut utterance as interrupted, so the mouth closes; streams still arriving are ignored.
   */
  reset(): void {
    for (const timer of this.startTimers.values()) clearTimeout(timer);
    this.startTimers.clear();
    this.resetting = true;
    try {
      this.player.clear();
    } finally {
      this.resetting = false;
    }
    this.sources.clear();
  }

  private async receive(reader: ByteStreamReader, identity: string): Promise<void> {
    const sender = await this.callbacks.trustedSender(identity, AvatarRpc.audioStream);
    if (!sender) return;
    const sampleRate = Number(reader.info.attributes?.sample_rate ?? '24000');
    const channels = Number(reader.info.attributes?.num_channels ?? '1');
    const utteranceId = reader.info.attributes?.[UTTERANCE_ID_ATTRIBUTE] || reader.info.id;
    let segment: number;
    try {
      segment = this.player.beginSegment(sampleRate, channels);
    } catch (cause) {
      this.callbacks.error(LiveKitTransportError.badAudioStream('refused an lk.audio_stream header', cause));
      return;
    }
    this.sources.set(segment, { sender, utteranceId });
    try {
      for await (const chunk of reader) {
        if (this.player.inputSegment === segment) this.player.push(chunk);
      }
    } finally {
      if (this.player.inputSegment === segment) this.player.endSegment();
    }
  }

  private onStarted(event: PlaybackStarted): void {
    const source = this.sources.get(event.segment);
    if (!source) return;
    const { sender, utteranceId } = source;
    this.callbacks.started({ ...event, sender, utteranceId });
    // Tell the agent when the first sample is audible, not when it was scheduled (`lead` + output latency later).
    const context = this.player.context as Partial<AudioContext> & BaseAudioContext;
    const latency = context.outputLatency || context.baseLatency || 0;
    const delayMs = Math.max(0, (event.startTime + latency - context.currentTime) * 1000);
    const timer = setTimeout(() => {
      this.startTimers.delete(event.segment);
      this.reply(sender, AvatarRpc.playbackStarted, '{}');
    }, delayMs);
    this.startTimers.set(event.segment, timer);
  }

  private onFinished(event: PlaybackFinished): void {
    const source = this.sources.get(event.segment);
    if (!source) return;
    const { sender, utteranceId } = source;
    this.sources.delete(event.segment);
    const timer = this.startTimers.get(event.segment);
    if (timer !== undefined) {
      // Cut before it was heard: the agent gets only the finish (position 0), never a late "started".
      clearTimeout(timer);
      this.startTimers.delete(event.segment);
    }
    this.callbacks.finished({ ...event, sender, utteranceId });
    if (this.resetting) return;
    const payload = JSON.stringify({ playback_position: event.position, interrupted: event.interrupted });
    this.reply(sender, AvatarRpc.playbackFinished, payload);
  }

  private reply(sender: MessageSender, method: string, payload: string): void {
    const destinationIdentity = sender.identity;
    this.room.localParticipant
      .performRpc({ destinationIdentity, method, payload })
      .catch((cause: unknown) => {
        this.callbacks.error(
          LiveKitTransportError.sendFailed(`RPC ${method} to ${destinationIdentity} failed`, cause),
        );
      });
  }
}
