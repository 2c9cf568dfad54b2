export type { Driver, FrameSource } from './Driver';
export { ALL_CHANNELS, Channel } from './Driver';
export type { FaceFrame } from './FaceFrame';
export {
  ARKIT_COUNT,
  copyFaceFrame,
  createFaceFrame,
  EMOTION_COUNT,
  EMOTIONS,
  Emotion,
  EmotionIndex,
  resetFaceFrame,
  VISEME_COUNT,
  VISEMES,
  Viseme,
  VisemeIndex,
} from './FaceFrame';
