// The page API of the puppet e2e (operator and customer in one page folder), shared by the pages and the Node test.

/** What the page did, read by the test. */
export interface PuppetLog {
  /** Operator side: frames captured and frames published. */
  captured: number;
  published: number;
  /** Customer side: frames accepted by OperatorFrames (sender identity and smile). */
  received: { identity: string; seq: number; smile: number }[];
  /** Customer side: OperatorFrames security events. */
  security: { identity: string; reason: string }[];
  /** Customer side: the puppet's state changes and the largest `happy` the mixer showed. */
  states: string[];
  maxHappy: number;
  /** Customer side: names of the audio tracks it subscribed to. */
  audioTracks: string[];
  /** Customer side: OperatorVoicePlayer `voice` events (identity, or null when a voice stopped). */
  voices: (string | null)[];
  /** Customer side: the largest mouth opening the operator's voice gave the fallback lip-sync. */
  maxVoiceMouth: number;
  errors: string[];
}

/** What `window.puppetE2E` offers. */
export interface PuppetPageApi {
  readonly log: PuppetLog;
  /** Joins as the operator: camera → OperatorCapture → OperatorFrames, mic → OperatorVoice (+2 semitones). */
  startOperator(identity: string, modelUrl: string): Promise<void>;
  /** Joins as the customer: OperatorFrames → PuppetDriver → Mixer (with idle), sampled every 16 ms. */
  startCustomer(identity: string): Promise<void>;
  dispose(): Promise<void>;
}

declare global {
  interface Window {
    puppetE2E: PuppetPageApi;
  }
}
