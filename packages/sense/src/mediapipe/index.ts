/**
 * `@digital-human/sense/mediapipe`: the heavy part, MediaPipe FaceLandmarker. Import it lazily
 * (`await import('@digital-human/sense/mediapipe')`) so the avatar alone stays small; `CameraSense` does.
 */

export type { FaceThread } from './createFaceProcessor';
export { createFaceProcessor } from './createFaceProcessor';
export type { FaceTrackerOptions } from './FaceTracker';
export { FaceTracker } from './FaceTracker';
export type { FaceWorkerFactory } from './WorkerFaceProcessor';
export { createFaceWorker, faceWorkerSupported, WorkerFaceProcessor } from './WorkerFaceProcessor';
