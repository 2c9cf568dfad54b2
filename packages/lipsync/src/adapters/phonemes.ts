import type { Viseme } from '@digital-human/core';
import { type LipsyncWarningHandler, lipsyncWarning } from '../LipsyncWarning';
import { mergeCues, type VisemeCue } from '../VisemeCue';
import { ARPABET_VISEMES, IPA_VISEMES, SHORT_PARTS } from './phonemeTables';

/** One viseme inside a phone and its share of the phone's duration (shares of a phone sum to 1). */
export interface VisemePart {
  viseme: Viseme;
  share: number;
}

/** A timed phone from an aligner or a synthesiser. Seconds; give `end` or `duration` (else it runs to the next). */
export interface PhonemeTiming {
  phoneme: string;
  start: number;
  end?: number;
  duration?: number;
}

/** The phone alphabet of {@link phonemesToCues}: IPA (espeak-ng's spellings included) or ARPAbet. */
export type PhonemeAlphabet = 'ipa' | 'arpabet';

const MAX_SYMBOL = 3;
/** espeak-ng's own spellings for a few Mandarin phones (retroflex marked with a dot). */
const ESPEAK_SPELLINGS: readonly [RegExp, string][] = [
  [/ts\.h?/g, 'ʈʂ'],
  [/s\./g, 'ʂ'],
  [/z\./g, 'ʐ'],
  [/i\./g, 'ɨ'],
  // espeak's Mandarin "e" (喝, 这, 个): unrounded back ɤ, which it writes o- (not a rounded o)
  [/o-/g, 'ɤ'],
];
/** Stress, length, tone letters, digits, syllable marks, combining diacritics and modifier letters. */
const IGNORED = /[ˈˌːˑ˥˦˧˨˩0-9.\-_\u02b0-\u02b8\u02bc-\u02ff]|\p{M}/gu;
const SILENCE = new Set(['', 'sil', 'sp', 'spn', 'pau', '#', '_']);

/**
 * The visemes of one IPA phone. Diphthongs and triphthongs give several parts (`aɪ` → aa, ih) with close
 * vowels and glides getting half the time of the others. Returns [] when nothing in the phone is known.
 */
export function ipaToVisemes(phone: string): VisemePart[] {
  const trimmed = phone.trim();
  if (SILENCE.has(trimmed.toLowerCase())) return [{ viseme: 'sil', share: 1 }];
  let text = trimmed;
  for (const [pattern, replacement] of ESPEAK_SPELLINGS) text = text.replace(pattern, replacement);
  text = text.replace(IGNORED, '');
  const symbols: string[] = [];
  let i = 0;
  while (i < text.length) {
    let matched = '';
    for (let n = Math.min(MAX_SYMBOL, text.length - i); n > 0; n--) {
      const candidate = text.slice(i, i + n);
      if (IPA_VISEMES[candidate]) {
        matched = candidate;
        break;
      }
    }
    if (!matched) {
      i++;
      continue;
    }
    // aspiration written as a plain h after a stop (espeak: ph, th, kh, tsh)
    if (!(matched === 'h' && symbols.length > 0)) symbols.push(matched);
    i += matched.length;
  }
  return toParts(symbols.map((s) => ({ viseme: IPA_VISEMES[s]!, share: SHORT_PARTS.has(s) ? 0.5 : 1 })));
}

/** The visemes of one ARPAbet phone (`AY1`, `HH`, `AH0`); [] when unknown. */
export function arpabetToVisemes(phone: string): VisemePart[] {
  const upper = phone.trim().toUpperCase();
  const visemes = ARPABET_VISEMES[upper] ?? ARPABET_VISEMES[upper.replace(/[0-9]/g, '')];
  if (!visemes) return [];
  return toParts(visemes.map((viseme, i) => ({ viseme, share: i === 0 ? 1 : 0.6 })));
}

/** Merges repeated visemes and normalises shares to sum to 1. */
function toParts(raw: VisemePart[]): VisemePart[] {
  const parts: VisemePart[] = [];
  for (const p of raw) {
    const last = parts[parts.length - 1];
    if (last && last.viseme === p.viseme) last.share += p.share;
    else parts.push({ ...p });
  }
  if (parts.length === 1) parts[0]!.share = 1;
  const total = parts.reduce((sum, p) => sum + p.share, 0);
  for (const p of parts) p.share /= total;
  return parts;
}

/** Spreads parts over [start, end) as cues. */
export function partsToCues(
  parts: readonly VisemePart[],
  start: number,
  end: number,
  out: VisemeCue[],
): void {
  let t = start;
  for (const p of parts) {
    const next = t + (end - start) * p.share;
    out.push({ viseme: p.viseme, start: t, end: next });
    t = next;
  }
}

/** Options of {@link phonemesToCues}. */
export interface PhonemeCueOptions {
  alphabet?: PhonemeAlphabet;
  /** Duration of a last phone that has neither `end` nor `duration` (default 0.1 s). */
  lastDuration?: number;
  onWarning?: LipsyncWarningHandler;
}

/**
 * Timed phones (IPA or ARPAbet, e.g. from an aligner, a TTS or espeak-ng events) → viseme cues. A phone without an
 * end lasts until the next phone starts. Unknown phones are skipped with an `unknown-viseme` warning.
 */
export function phonemesToCues(
  timings: readonly PhonemeTiming[],
  options: PhonemeCueOptions = {},
): VisemeCue[] {
  const convert = options.alphabet === 'arpabet' ? arpabetToVisemes : ipaToVisemes;
  const cues: VisemeCue[] = [];
  timings.forEach((t, i) => {
    const next = timings[i + 1];
    const end = t.end ?? (t.duration === undefined ? undefined : t.start + t.duration);
    const stop = end ?? (next ? next.start : t.start + (options.lastDuration ?? 0.1));
    const parts = convert(t.phoneme);
    if (parts.length === 0) {
      options.onWarning?.(lipsyncWarning('unknown-viseme', `unknown phone "${t.phoneme}"`, i));
      return;
    }
    partsToCues(parts, t.start, stop, cues);
  });
  return mergeCues(cues);
}
