import type { DialogLanguage } from '../language';

/** A recognition result. Partial results (`final: false`) may be replaced by later ones with the same `segmentId`. */
export interface AsrResult {
  readonly segmentId: string;
  readonly text: string;
  readonly final: boolean;
  readonly language: DialogLanguage;
  /** 0..1 when the recogniser says. */
  readonly confidence?: number;
}

/** Options for one recognition stream. */
export interface AsrStreamOptions {
  readonly language: DialogLanguage;
  /** PCM sample rate of what will be pushed, Hz. */
  readonly sampleRate: number;
  /** Called for every partial and final result. */
  readonly onResult: (result: AsrResult) => void;
  /** Called when recognition fails; the session continues with text input. */
  readonly onError?: (error: Error) => void;
}

/** One open recognition stream (one customer utterance or a continuous session). */
export interface AsrStream {
  /** Feeds mono 16-bit PCM. */
  push(pcm: Int16Array): void;
  /** No more audio: flush the final result. */
  finish(): Promise<void>;
  /** Stops at once and releases the connection. */
  dispose(): void;
}

/**
 * Speech recognition, optional. Adapters for cloud ASR services are configuration of this interface; the engine
 * only consumes {@link AsrResult}s (`DialogEngine.handleAsr`). Text input and quick replies always work without it.
 */
export interface AsrAdapter {
  readonly name: string;
  createStream(options: AsrStreamOptions): AsrStream;
}
