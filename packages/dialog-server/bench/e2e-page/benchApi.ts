// What the e2e bench page exposes on `window.e2eBench` (types only, shared with the Node runner).

/** One measured turn of session 0. `at*` are `performance.now()` in the page; times are audio-clock seconds. */
export interface BenchTurn {
  readonly utteranceId: string;
  /** When the user text was sent (absent for the greeting). */
  readonly sentAt?: number;
  /** When its `speech.start` message arrived. */
  readonly announcedAt: number;
  /** When the transport reported `speechstarted`, and its `startTime`. */
  readonly startedAt: number;
  readonly startTime: number;
  /** `currentTime` when `speechstarted` was reported (maps audio-clock times to `performance.now()`). */
  readonly contextAtStarted: number;
  /** Audio-clock time its first audible sample was scheduled at (`source.start(t)` + its offset in the buffer). */
  readonly scheduledOnset: number;
  /** Audio-clock time of the first rendered sample above the threshold (analyser on the player's output). */
  readonly soundOnset: number;
  /** Audio-clock time of the first mixed face frame with the mouth open (5 ms timer). */
  readonly mouthOnset: number;
}

/** Per-session counts. */
export interface BenchSession {
  readonly utterances: number;
  readonly underruns: number;
  readonly underrunSeconds: number;
  readonly errors: number;
}

export interface E2EBenchApi {
  /** Opens `n` more sessions (each its own transport and room), says hello on each. */
  open(n: number): Promise<void>;
  /** Session `i` says `text`; resolves with its id. */
  say(i: number, text: string): Promise<string>;
  turns(): BenchTurn[];
  sessions(): BenchSession[];
  /** True when session `i` has no speech playing and heard at least `k` utterances. */
  idle(i: number, k: number): boolean;
  dispose(): Promise<void>;
}

declare global {
  interface Window {
    e2eBench: E2EBenchApi;
  }
}
