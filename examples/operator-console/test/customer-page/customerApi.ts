// What the handoff e2e's customer page exposes on `window.customerE2E` (types only, shared with the Node test).

/** One sample of the mixed face and the sound, every ~16 ms on a timer. Times are epoch ms (timeOrigin + now). */
export interface FaceSample {
  readonly at: number;
  /** Seconds since the previous sample. */
  readonly dt: number;
  /** Largest change of any viseme, emotion or blink weight since the previous sample. */
  readonly step: number;
  /** Which weight changed most: `v<i>` viseme, `e<i>` emotion, `b0`/`b1` blink. */
  readonly stepOf: string;
  /** Largest change of an emotion (expression preset) weight since the previous sample. */
  readonly emotionStep: number;
  /** Which emotion that was (`e<i>`, EmotionIndex order) and its weight now. */
  readonly emotionStepOf: string;
  /** The puppet driver's state (`live` = the operator drives the face). */
  readonly puppet: string;
  readonly controller: string;
  /** RMS of the agent's speech output and of the operator's voice (as heard), last ~10 ms. */
  readonly agentRms: number;
  readonly operatorRms: number;
}

/** Everything the page saw. */
export interface CustomerLog {
  messages: { type: string; identity: string; controller?: string; at: number }[];
  speechstarted: { utteranceId: string; at: number }[];
  speechfinished: { utteranceId: string; interrupted: boolean; at: number }[];
  /** Operator face frames received (and who sent them); forged ones never get here. */
  frames: { identity: string; at: number }[];
  security: { reason: string; identity: string; topic: string }[];
  samples: FaceSample[];
  errors: string[];
}

/** The page's test surface. */
export interface CustomerPageApi {
  log: CustomerLog;
  connect(): Promise<void>;
  hello(): Promise<void>;
  say(text: string): Promise<void>;
  /** The room name and this customer's identity. */
  readonly identity: string;
  dispose(): Promise<void>;
}

declare global {
  interface Window {
    customerE2E: CustomerPageApi;
  }
}
