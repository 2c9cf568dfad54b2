import { DigitalHumanError } from '@digital-human/core';

/** Codes of {@link TtsError}. */
export type TtsErrorCode = 'load-failed' | 'unknown-voice' | 'disposed';

/** A failure of the dev speech synthesiser. */
export class TtsError extends DigitalHumanError<TtsErrorCode> {
  static override readonly owner = 'DigitalHuman.Dialog.Tts';
  override readonly name = 'TtsError';

  /** espeak-ng (WASM and its data) could not be loaded. */
  static loadFailed(cause: unknown): TtsError {
    return new TtsError('load-failed', 'espeak-ng could not be loaded', { cause });
  }

  /** espeak-ng does not know the voice. */
  static unknownVoice(voice: string): TtsError {
    return new TtsError('unknown-voice', `espeak-ng has no voice "${voice}"`);
  }

  /** The synthesiser was used after `dispose()`. */
  static usedAfterDispose(): TtsError {
    return new TtsError('disposed', 'EspeakSynthesizer was used after dispose()');
  }
}
