export { type ArkitFrame, arkitFramesToCues, arkitToVisemeWeights, dominantViseme } from './adapters/arkit';
export {
  AZURE_BLENDSHAPE_FPS,
  AZURE_BLENDSHAPES,
  type AzureAnimationChunk,
  azureBlendShapesToCues,
  azureBlendShapesToFrames,
} from './adapters/azureBlendShapes';
export {
  AZURE_TICKS_PER_SECOND,
  AZURE_VISEMES,
  type AzureVisemeEvent,
  type AzureVisemeOptions,
  azureVisemesToCues,
} from './adapters/azureVisemes';
export {
  arpabetToVisemes,
  ipaToVisemes,
  type PhonemeAlphabet,
  type PhonemeCueOptions,
  type PhonemeTiming,
  partsToCues,
  phonemesToCues,
  type VisemePart,
} from './adapters/phonemes';
export { ARPABET_VISEMES, IPA_VISEMES } from './adapters/phonemeTables';
export {
  POLLY_VISEMES,
  type PollyOptions,
  type PollySpeechMark,
  parsePollyMarks,
  pollyMarksToCues,
} from './adapters/polly';
export {
  type AlibabaWord,
  alibabaToCues,
  charactersToWords,
  type ElevenLabsAlignment,
  elevenLabsToCues,
  type TencentSubtitle,
  tencentToCues,
} from './adapters/timestamps';
export { type Alignment, type AlignOptions, alignTranscript } from './align/alignTranscript';
export { type DecodedAudio, decodeWav } from './align/decodeWav';
export {
  type EnergyEnvelope,
  type EnergyPeak,
  type EnvelopeOptions,
  energyEnvelope,
  findPeaks,
  percentile,
} from './align/energyEnvelope';
export { speechEnergy } from './align/speechEnergy';
export { type CoarticulationOptions, Coarticulator } from './Coarticulator';
export { CueTrack } from './CueTrack';
export { LipsyncError, type LipsyncErrorCode } from './LipsyncError';
export {
  type LipsyncWarning,
  type LipsyncWarningCode,
  type LipsyncWarningHandler,
  lipsyncWarning,
} from './LipsyncWarning';
export { SpeechDriver, type SpeechDriverOptions } from './SpeechDriver';
export { type RawVisemeCue, type SanitizeOptions, sanitizeCues } from './sanitizeCues';
export { englishToPhones } from './text/englishG2P';
export { type HanSyllable, hanziToPinyin, isHan } from './text/mandarin';
export { normalizeText, sentenceLanguage } from './text/normalizeText';
export { enCardinal, enNumber, enOrdinal, enYear, normalizeEn } from './text/numbersEn';
export { normalizeZh, zhCardinal, zhDigits, zhNumber } from './text/numbersZh';
export { pinyinToVisemes } from './text/pinyinVisemes';
export {
  englishWordUnit,
  type TextCueOptions,
  type TextOptions,
  type TextUnit,
  type TimedText,
  type TimedTextOptions,
  textToCues,
  textToUnits,
  timedTextToCues,
  unitsToCues,
} from './text/textToVisemes';
export { cue, isViseme, mergeCues, onsetsToCues, shiftCues, type VisemeCue } from './VisemeCue';
export {
  type PushOptions,
  VisemeScheduler,
  type VisemeSchedulerEvents,
  type VisemeSchedulerOptions,
} from './VisemeScheduler';
