export {
  ESPEAK_VOICES,
  EspeakSynthesizer,
  type EspeakSynthesizerOptions,
  type SynthesisOptions,
  type SynthesisResult,
  toFloat32,
} from './EspeakSynthesizer';
export type { EspeakData } from './espeakModule';
export { TtsError, type TtsErrorCode } from './TtsError';
