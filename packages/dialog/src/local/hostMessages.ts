import { type TransportVisemeCue, VISEME_NAMES } from '@digital-human/protocol';
import type { DialogLanguage } from '../language';

/** Page → dialog side (worker or same thread). */
export type HostRequest =
  | {
      readonly kind: 'init';
      readonly language: DialogLanguage;
      readonly espeakData: string | undefined;
      /** Register the three business flows in the engine. */
      readonly businessFlows?: boolean;
    }
  /** An encoded protocol message from the customer. */
  | { readonly kind: 'message'; readonly text: string }
  /** The page finished (or cut) speaking: the dialog listens again. */
  | { readonly kind: 'speech-ended' };

/** Synthesised speech for one utterance. */
export interface SpeechReply {
  readonly kind: 'speech';
  readonly utteranceId: string;
  readonly sampleRate: number;
  readonly samples: Float32Array;
  readonly cues: readonly TransportVisemeCue[];
}

/** Dialog side → page. */
export type HostReply =
  /** An encoded protocol message from the dialog engine (decoded and validated again on the page). */
  | { readonly kind: 'message'; readonly text: string }
  | SpeechReply
  /** The dialog side cannot synthesise: the page speaks `text` itself. */
  | {
      readonly kind: 'say';
      readonly utteranceId: string;
      readonly text: string;
      readonly language: DialogLanguage;
    }
  /** A recoverable problem on the dialog side. */
  | { readonly kind: 'warning'; readonly message: string };

/** Longest utterance accepted from the dialog side, in seconds. */
const MAX_SECONDS = 120;
const VISEMES: ReadonlySet<string> = new Set(VISEME_NAMES);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 128;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function isCue(v: unknown): v is TransportVisemeCue {
  if (!isObject(v) || typeof v.viseme !== 'string' || !VISEMES.has(v.viseme)) return false;
  if (!isTime(v.start) || !isTime(v.end) || v.end < v.start || v.end > MAX_SECONDS) return false;
  return v.weight === undefined || (isTime(v.weight) && v.weight <= 1);
}

function isSpeech(v: Record<string, unknown>): boolean {
  if (!isId(v.utteranceId) || !(v.samples instanceof Float32Array)) return false;
  const rate = v.sampleRate;
  if (typeof rate !== 'number' || !Number.isInteger(rate) || rate < 8000 || rate > 96_000) return false;
  if (v.samples.length > rate * MAX_SECONDS) return false;
  return Array.isArray(v.cues) && v.cues.length <= 10_000 && v.cues.every(isCue);
}

/**
 * Checks a reply from the dialog side (a worker is another realm: trust nothing). Returns the reply or a reason it
 * was refused. Protocol message texts are decoded and validated separately by the caller.
 */
export function checkReply(data: unknown): HostReply | string {
  if (!isObject(data)) return 'not an object';
  switch (data.kind) {
    case 'message':
      return typeof data.text === 'string' ? (data as HostReply) : 'message without text';
    case 'speech':
      return isSpeech(data) ? (data as unknown as SpeechReply) : 'bad speech';
    case 'say':
      return isId(data.utteranceId) && typeof data.text === 'string' && data.text.length <= 4000
        ? (data as HostReply)
        : 'bad say request';
    case 'warning':
      return typeof data.message === 'string' ? (data as HostReply) : 'bad warning';
    default:
      return 'unknown kind';
  }
}
