// The page API of the privacy e2e, shared by the page and the Node test.

/** What the customer page did, read by the test. */
export interface PrivacyLog {
  /** Frames CameraSense processed (proves the camera and the model really ran). */
  frames: number;
  /** `user.sentiment` messages handed to the transport. */
  sent: number;
  /** Camera status changes. */
  status: string[];
  /** Error messages from the transport or sensing. */
  errors: string[];
}

/** What `window.privacyE2E` offers. */
export interface PrivacyPageApi {
  readonly log: PrivacyLog;
  /** Joins as the customer, then starts sensing and forwards every summary as `user.sentiment`. */
  start(tokenEndpoint: string, identity: string, modelUrl: string): Promise<void>;
  /** Stops sensing and leaves the room. */
  dispose(): Promise<void>;
}

declare global {
  interface Window {
    privacyE2E: PrivacyPageApi;
  }
}
