// `@digital-human/lipsync/audio`: visemes from audio alone (onnxruntime-web, lazily imported).
export {
  type AudioVisemeMode,
  AudioVisemeModel,
  type AudioVisemeModelEvents,
  type AudioVisemeModelOptions,
} from './AudioVisemeModel';
export { AudioVisemeStream, type FrameClassifier } from './AudioVisemeStream';
export {
  DEFAULT_LIPSYNC_ASSET_BASE,
  LIPSYNC_MODEL_FILE,
  LIPSYNC_WASM_FILE,
  type LipsyncAssetUrls,
  lipsyncAssetUrls,
} from './assetUrls';
export { FrameCues } from './FrameCues';
export {
  FEATURE_SAMPLE_RATE,
  FRAME_HOP,
  FRAME_LENGTH,
  frameCount,
  frameTime,
  LogMel,
  MEL_BANDS,
} from './logMel';
export { MODEL_CLASSES, MODEL_CONTEXT, MODEL_LOOKAHEAD } from './OnnxFrameClassifier';
export { Resampler } from './Resampler';
