export { AudioClock, type AudioContextLike } from './AudioClock';
export { ARKIT_BLENDSHAPES, type ArkitBlendshape, ArkitIndex, arkitWeights } from './arkit';
export { arkitToVisemeWeights } from './arkitVisemes';
export type { Clock } from './Clock';
export {
  DigitalHumanError,
  type DigitalHumanErrorCode,
  type DigitalHumanErrorOptions,
} from './DigitalHumanError';
export type { Driver, FrameSource } from './Driver';
export { ALL_CHANNELS, Channel } from './Driver';
export {
  type EmitArgs,
  Emitter,
  type EmitterOptions,
  type Listener,
  type ListenerErrorHandler,
  reportListenerError,
} from './Emitter';
export {
  type CustomerMood,
  type EmotionCue,
  EmotionDriver,
  type EmotionDriverOptions,
} from './EmotionDriver';
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
export { BLINK_CLOSE, BLINK_DURATION, BLINK_HOLD, BLINK_OPEN } from './IdleBlink';
export { IdleDriver, type IdleDriverOptions } from './IdleDriver';
export { ManualClock } from './ManualClock';
export {
  type Controller,
  Mixer,
  type MixerDriverOptions,
  type MixerEvents,
  type MixerOptions,
} from './Mixer';
export { PerformanceClock, type PerformanceLike } from './PerformanceClock';
export {
  PuppetDriver,
  type PuppetDriverEvents,
  type PuppetDriverOptions,
  type PuppetState,
} from './PuppetDriver';
export {
  PuppetDriverBuffer,
  type PuppetDriverBufferOptions,
  type PuppetPushResult,
  type PuppetSampleState,
} from './PuppetDriverBuffer';
export {
  type ArkitToVisemes,
  PUPPET_POSE_SIZE,
  PuppetPoseIndex,
  puppetBlinks,
  puppetEmotions,
  puppetVisemes,
} from './puppetDriverMapping';
export { createSeededRandom, mathRandom, type Random, randomRange } from './random';
export {
  type DialogStateMessage,
  type EmotionSink,
  type HandoffMessage,
  SessionRouter,
  type SessionRouterEvents,
  type SessionRouterOptions,
  type SpeechSink,
  type UiMessage,
} from './SessionRouter';
export {
  type AvatarStatus,
  type Caption,
  type ConnectionState,
  createSessionStore,
  type Language,
  type SessionActions,
  type SessionData,
  type SessionState,
  type SessionStore,
  type SessionStoreOptions,
  type Speaker,
} from './sessionStore';
export { estimateTextSentiment, type TextSentiment } from './textSentiment';
export { waitForEvent } from './waitForEvent';
