/**
 * `@digital-human/sense/mediapipe`: the heavy part, MediaPipe FaceLandmarker. Import it lazily
 * (`await import('@digital-human/sense/mediapipe')`) so the avatar alone stays small.
 */

export type { FaceTrackerOptions } from './FaceTracker';
export { FaceTracker } from './FaceTracker';
