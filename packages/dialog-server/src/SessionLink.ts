import type { JsonMessage, Role } from '@digital-human/protocol';

/** The header of one utterance's `lk.audio_stream` byte stream. */
export interface AudioStreamHeader {
  /** The utterance's id: the same as in its `speech.start` / `speech.visemes` (attribute `dh.utterance_id`). */
  readonly utteranceId: string;
  /** Samples per second of the 16-bit PCM (attribute `sample_rate`). */
  readonly sampleRate: number;
  /** Interleaved channels (attribute `num_channels`). */
  readonly channels: number;
}

/** An open `lk.audio_stream`: 16-bit little-endian PCM goes in, `close()` ends the utterance's stream. */
export interface AudioStreamSink {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/**
 * What a {@link Session} needs from the room it talks in. `RoomLink` implements it over `@livekit/rtc-node`; unit
 * tests implement it in memory. The link also feeds the session (`receive`, `playbackFinished`...).
 */
export interface SessionLink {
  /** Publishes a protocol message reliably on its topic, to everyone or to the identities in `to`. */
  send(message: JsonMessage, to?: readonly string[]): Promise<void>;
  /** Opens the `lk.audio_stream` byte stream of one utterance to `to`. */
  openAudio(to: string, header: AudioStreamHeader): Promise<AudioStreamSink>;
  /** Sends a final caption of the utterance `segmentId` as an `lk.transcription` text stream to `to`. */
  sendTranscription(to: string, segmentId: string, text: string): Promise<void>;
  /** Calls the RPC `lk.clear_buffer` on `to`: its player drops all speech not yet heard. */
  clearBuffer(to: string): Promise<void>;
  /** Identities of the participants in the room whose server-set role is `role`. */
  participantsWithRole(role: Role): readonly string[];
}
