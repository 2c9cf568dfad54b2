import type { Viseme } from '@digital-human/core';
import { type LipsyncWarningHandler, lipsyncWarning } from '../LipsyncWarning';
import { mergeCues, type VisemeCue } from '../VisemeCue';

/**
 * Azure Speech viseme IDs 0-21 (its "SAPI-style" IDs, documented with example phones) → canonical visemes.
 * Diphthong IDs (9 aʊ, 10 ɔɪ, 11 aɪ) are two visemes, the first held 60 % of the time.
 */
export const AZURE_VISEMES: readonly (readonly Viseme[])[] = [
  ['sil'], // 0 silence
  ['aa'], // 1 æ ə ʌ
  ['aa'], // 2 ɑ
  ['oh'], // 3 ɔ
  ['E'], // 4 ɛ ʊ
  ['RR'], // 5 ɝ
  ['ih'], // 6 j i ɪ
  ['ou'], // 7 w u
  ['oh'], // 8 o
  ['aa', 'ou'], // 9 aʊ
  ['oh', 'ih'], // 10 ɔɪ
  ['aa', 'ih'], // 11 aɪ
  ['kk'], // 12 h
  ['RR'], // 13 ɹ
  ['nn'], // 14 l
  ['SS'], // 15 s z
  ['CH'], // 16 ʃ tʃ dʒ ʒ
  ['TH'], // 17 ð
  ['FF'], // 18 f v
  ['DD'], // 19 d t n θ
  ['kk'], // 20 k g ŋ
  ['PP'], // 21 p b m
];

/** One Azure `visemeReceived` event as the Speech SDK delivers it (`audioOffset` in 100-ns ticks). */
export interface AzureVisemeEvent {
  audioOffset: number;
  visemeId: number;
}

/** Azure audio offsets are in ticks of 100 ns. */
export const AZURE_TICKS_PER_SECOND = 10_000_000;

/** Options of {@link azureVisemesToCues}. */
export interface AzureVisemeOptions {
  /** Audio length in seconds; the last viseme runs until it (default: 0.1 s after its onset). */
  totalDuration?: number;
  onWarning?: LipsyncWarningHandler;
}

/**
 * Azure viseme events → cues. Each viseme lasts until the next event's offset. Unknown IDs are dropped with a
 * warning; times are not otherwise repaired here (run {@link sanitizeCues} on the result or let the scheduler).
 */
export function azureVisemesToCues(
  events: readonly AzureVisemeEvent[],
  options: AzureVisemeOptions = {},
): VisemeCue[] {
  const cues: VisemeCue[] = [];
  const known = events.filter((e, i) => {
    const ok = Number.isInteger(e.visemeId) && AZURE_VISEMES[e.visemeId] !== undefined;
    if (!ok)
      options.onWarning?.(lipsyncWarning('unknown-viseme', `unknown Azure viseme ID ${e.visemeId}`, i));
    return ok;
  });
  known.forEach((e, i) => {
    const start = e.audioOffset / AZURE_TICKS_PER_SECOND;
    const next = known[i + 1];
    const end = next ? next.audioOffset / AZURE_TICKS_PER_SECOND : (options.totalDuration ?? start + 0.1);
    const visemes = AZURE_VISEMES[e.visemeId]!;
    if (visemes.length === 1) {
      cues.push({ viseme: visemes[0]!, start, end });
    } else {
      const mid = start + (end - start) * 0.6;
      cues.push({ viseme: visemes[0]!, start, end: mid }, { viseme: visemes[1]!, start: mid, end });
    }
  });
  return mergeCues(cues);
}
