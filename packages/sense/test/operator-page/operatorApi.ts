// The page API of the operator capture e2e, shared by the page and the Node test.

/** One frame as the page decoded it from the bytes OperatorCapture emitted. */
export interface CapturedFrame {
  seq: number;
  timestampMs: number;
  bytes: number;
  tracked: boolean;
  jawOpen: number;
  smile: number;
  headYaw: number;
}

/** What the operator page did, read by the test. */
export interface OperatorLog {
  frames: CapturedFrame[];
  status: string[];
  errors: string[];
  /** The size of the camera's video track, as the page saw it. */
  camera: { width: number; height: number } | null;
}

/** What `window.operatorE2E` offers. */
export interface OperatorPageApi {
  readonly log: OperatorLog;
  /** Starts OperatorCapture on the (fake) camera with the model at `modelUrl`. */
  start(modelUrl: string): Promise<void>;
  /** The capture's frame count, rate (fps) and tracking cost per frame (ms). */
  stats(): { frames: number; fps: number; costMs: number; offThread: boolean } | null;
  dispose(): void;
}

declare global {
  interface Window {
    operatorE2E: OperatorPageApi;
  }
}
