// What the full-stack e2e page exposes on `window.fullstackE2E` (types only, shared with the Node test).

/** One sample of the face and the sound, taken every 20 ms on a timer (not on animation frames). */
export interface MouthSample {
  /** `AudioContext.currentTime` when sampled. */
  readonly t: number;
  /** Total viseme weight other than silence in the mixed face frame (0 = mouth at rest). */
  readonly mouth: number;
  /** RMS of what the player rendered in the last ~10 ms (from an analyser on the player's output). */
  readonly rms: number;
}

/** Everything the page saw, in order. `at` times are `performance.now()` in the page. */
export interface FullstackLog {
  connection: { state: string; full?: boolean; at: number }[];
  audioplayback: boolean[];
  messages: { type: string; identity: string; id?: string; at: number }[];
  security: { reason: string; identity: string; topic: string }[];
  speechstarted: { utteranceId: string; startTime: number; at: number }[];
  speechfinished: { utteranceId: string; interrupted: boolean; position: number; at: number }[];
  sent: { type: string; id: string; at: number }[];
  samples: MouthSample[];
  errors: string[];
  /** Hellos sent again because the service said nothing within 4 s of the previous one. */
  helloResends: number;
}

/** The page's test surface. */
export interface FullstackPageApi {
  log: FullstackLog;
  /** Joins through the token endpoint on an audio context suspended as a blocked autoplay would leave it. */
  connect(): Promise<void>;
  /** Says hello (the assistant greets); resolves once the service answered something (or after 3 resends). */
  hello(): Promise<void>;
  /** Sends typed text; returns its idempotency id. */
  say(text: string): Promise<string>;
  /** Sends a user action; returns its idempotency id. */
  act(kind: string): Promise<string>;
  /** Sends a user action the moment the connection drops (during the outage); its id once sent. */
  actOnNextDrop(kind: string): void;
  /** Ids still waiting for their ack. */
  unacknowledged(): readonly string[];
  simulate(scenario: 'full-reconnect' | 'signal-reconnect' | 'resume-reconnect'): Promise<void>;
  status(): { state: string; canPlayAudio: boolean; contextTime: number };
  dispose(): Promise<void>;
}

declare global {
  interface Window {
    fullstackE2E: FullstackPageApi;
  }
}
