/**
 * `@digital-human/sense`: on-device customer sentiment and presence from the camera, only with consent, and the
 * operator's face capture for the puppet ({@link OperatorCapture}).
 * The MediaPipe engine lives in `@digital-human/sense/mediapipe` and is imported lazily by {@link CameraSense};
 * the Vite plugin that serves its wasm and model is in `@digital-human/sense/vite` (Node only).
 */

export type { AdaptiveRateOptions } from './AdaptiveRate';
export { AdaptiveRate } from './AdaptiveRate';
export { DEFAULT_SENSE_ASSET_BASE, SENSE_MODEL_FILE, SENSE_WASM_FILES, senseAssetUrls } from './assetUrls';
export type { AttentionLimits } from './attention';
export { attentionOf, DEFAULT_ATTENTION_LIMITS } from './attention';
export type { BlendshapeName } from './blendshapes';
export { ARKIT_BLENDSHAPES, BlendshapeIndex, blendshapesFrom, createBlendshapes } from './blendshapes';
export type { CameraSenseEvents, CameraSenseOptions, CameraSenseStatus } from './CameraSense';
export { CameraSense } from './CameraSense';
export type { FaceProcessor, FaceSample } from './FaceSample';
export { createFaceSample } from './FaceSample';
export type { ActionUnits, AffectScores } from './facsAffect';
export { actionUnits, affectScores, arousalOf, DEFAULT_REST, defaultRest, valenceOf } from './facsAffect';
export type { HeadPose } from './headPose';
export { headPoseFromMatrix } from './headPose';
export type { FaceTrackerOptions } from './mediapipe/FaceTracker';
export type { NeutralBaselineOptions } from './NeutralBaseline';
export { NeutralBaseline } from './NeutralBaseline';
export type {
  OperatorCaptureEvents,
  OperatorCaptureFrame,
  OperatorCaptureOptions,
  OperatorCaptureStatus,
} from './OperatorCapture';
export { OperatorCapture } from './OperatorCapture';
export type { Gaze } from './operatorCaptureFrame';
export { DEFAULT_GAZE_RANGE, gazeFromBlendshapes, operatorFrameFromSample } from './operatorCaptureFrame';
export type { PresenceChange, PresenceTrackerOptions } from './PresenceTracker';
export { PresenceTracker } from './PresenceTracker';
export type { SenseErrorDetails } from './SenseError';
export { SenseError, SenseErrorCode } from './SenseError';
export type { SentimentEstimatorEvents, SentimentEstimatorOptions } from './SentimentEstimator';
export { SentimentEstimator } from './SentimentEstimator';
export type { CoarseSentimentLabel, SentimentState, SentimentSummary, WireSentiment } from './SentimentState';
export { createSentimentState, SentimentLabel, toSentimentSummary, toWireSentiment } from './SentimentState';
export type { SummaryRateLimiterOptions } from './SummaryRateLimiter';
export { SummaryRateLimiter } from './SummaryRateLimiter';
