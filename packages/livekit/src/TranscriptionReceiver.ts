import type { Room, TextStreamReader } from 'livekit-client';
import type { LiveKitTransportEvents } from './LiveKitTransportEvents';
import type { MessageSender } from './MessageCodec';

/** The LiveKit transcription convention: a text stream per segment, its attributes name the segment. */
export const TranscriptionStream = {
  topic: 'lk.transcription',
  segmentId: 'lk.segment_id',
  final: 'lk.transcription_final',
  trackId: 'lk.transcribed_track_id',
} as const;

/** What the receiver needs from its owner. */
export interface TranscriptionCallbacks {
  /** The sender of `identity`, or null after reporting a security event when it is not an agent/operator. */
  trustedSender(identity: string, topic: string): Promise<MessageSender | null>;
  transcription(event: LiveKitTransportEvents<unknown>['transcription']): void;
}

/** Longest caption text kept per segment; the rest is dropped (a caption is not a document). */
const MAX_CAPTION_CHARS = 4000;

/**
 * Turns `lk.transcription` text streams from agents and operators into caption events: one per arriving chunk
 * with the text so far (`final: false`), then the whole segment with the final flag its sender set.
 */
export class TranscriptionReceiver {
  constructor(
    private readonly room: Pick<Room, 'registerTextStreamHandler' | 'unregisterTextStreamHandler'>,
    private readonly callbacks: TranscriptionCallbacks,
  ) {
    room.registerTextStreamHandler(TranscriptionStream.topic, (reader, { identity }) => {
      void this.receive(reader, identity);
    });
  }

  /** Unregisters the stream handler. */
  dispose(): void {
    this.room.unregisterTextStreamHandler(TranscriptionStream.topic);
  }

  private async receive(reader: TextStreamReader, identity: string): Promise<void> {
    const sender = await this.callbacks.trustedSender(identity, TranscriptionStream.topic);
    if (!sender) return;
    const attributes = reader.info.attributes ?? {};
    const segmentId = attributes[TranscriptionStream.segmentId] ?? reader.info.id;
    const trackId = attributes[TranscriptionStream.trackId] ?? '';
    let text = '';
    for await (const chunk of reader) {
      if (text.length >= MAX_CAPTION_CHARS) continue;
      text = (text + chunk).slice(0, MAX_CAPTION_CHARS);
      this.callbacks.transcription({ text, segmentId, trackId, final: false, sender });
    }
    const final = attributes[TranscriptionStream.final] === 'true';
    this.callbacks.transcription({ text, segmentId, trackId, final, sender });
  }
}
