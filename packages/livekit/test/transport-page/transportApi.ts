// What the transport e2e page exposes on `window.transportE2E` (types only, shared with the Node test).
import type { SimulationScenario } from 'livekit-client';
import type { ConnectionChange, SecurityEvent } from '../../src';

/** Everything the page's transport reported, in order. */
export interface TransportLog {
  connection: ConnectionChange[];
  audioplayback: boolean[];
  /** Message types received, with the sender's identity and role. */
  messages: { type: string; identity: string; role: string | null }[];
  security: (Omit<SecurityEvent, 'sender'> & { identity: string })[];
  rejected: string[];
  speechstarted: {
    segment: number;
    sampleRate: number;
    identity: string;
    utteranceId: string;
    startTime: number;
  }[];
  speechfinished: { segment: number; position: number; interrupted: boolean; identity: string }[];
  transcription: { text: string; segmentId: string; final: boolean; identity: string }[];
  errors: string[];
  /** Audio-clock times sound started on the agent's received audio track (see `watchTrackOnsets`). */
  trackOnsets: number[];
}

/** The page's test surface. */
export interface TransportPageApi {
  log: TransportLog;
  /** Joins; with `blockedAudio`, on an audio context suspended as a browser's autoplay policy would leave it. */
  connect(tokenEndpoint: string, identity: string, blockedAudio?: boolean): Promise<void>;
  /** Tries a join that must fail; returns the error code and the connection states of that attempt. */
  failingConnect(how: 'token-refused' | 'server-unreachable'): Promise<{ code: string; states: string[] }>;
  /** Starts measuring sound onsets on subscribed audio tracks, independently of the transport. */
  watchTrackOnsets(): void;
  enableMicrophone(): Promise<void>;
  setMicrophoneMuted(muted: boolean): Promise<void>;
  simulate(scenario: SimulationScenario): Promise<void>;
  disconnect(): Promise<void>;
  /** `connect()` again on the same transport. */
  rejoin(): Promise<void>;
  dispose(): Promise<void>;
  /** Transport state and whether audio may play. */
  status(): { state: string; canPlayAudio: boolean; audioContextState: string };
}

declare global {
  interface Window {
    transportE2E: TransportPageApi;
  }
}
