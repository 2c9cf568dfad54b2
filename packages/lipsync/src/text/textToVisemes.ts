import { arpabetToVisemes, partsToCues, type VisemePart } from '../adapters/phonemes';
import { mergeCues, type VisemeCue } from '../VisemeCue';
import { wordPhoneDurations } from './englishDurations';
import { englishToPhones, linkedPhones } from './englishG2P';
import { hanziToPinyin, isHan } from './mandarin';
import { normalizeText, sentenceLanguage } from './normalizeText';
import { pinyinToVisemes } from './pinyinVisemes';
import { PAUSE_STRETCH, speechEnds } from './speechEnds';

/** A spoken unit of text: a Mandarin syllable (one Han character), an English word, or a pause. */
export interface TextUnit {
  text: string;
  kind: 'zh' | 'en' | 'pause';
  /** Visemes with shares of the unit's duration (empty for a pause). */
  parts: VisemePart[];
  /** Nominal duration in seconds at rate 1. */
  duration: number;
}

/** Options of {@link textToUnits} and {@link textToCues}. */
export interface TextOptions {
  /** Reading language for numbers; by default per sentence ('zh' when it has Han characters). */
  language?: 'zh' | 'en';
  /** Spell out digits, amounts, dates first (default true). */
  normalize?: boolean;
  /** Nominal Mandarin syllable length in seconds (default 0.22). */
  syllableDuration?: number;
}

const PAUSES: Readonly<Record<string, number>> = {
  ',': 0.18,
  '，': 0.18,
  '、': 0.12,
  ';': 0.22,
  '；': 0.22,
  ':': 0.18,
  '：': 0.18,
  '.': 0.35,
  '。': 0.35,
  '!': 0.35,
  '！': 0.35,
  '?': 0.35,
  '？': 0.35,
  '\n': 0.3,
  '…': 0.3,
};

/**
 * An English word → visemes with shares, and its nominal duration. `phones` overrides the G2P (e.g. a linked
 * pronunciation); `final` lengthens the end of a word before a pause.
 */
export function englishWordUnit(word: string, phones = englishToPhones(word), final = false): TextUnit {
  const durations = wordPhoneDurations(phones, final, word);
  const duration = durations.reduce((sum, d) => sum + d, 0);
  const parts: VisemePart[] = [];
  phones.forEach((phone, i) => {
    for (const p of arpabetToVisemes(phone)) {
      const share = (p.share * durations[i]!) / duration;
      const last = parts[parts.length - 1];
      if (last && last.viseme === p.viseme) last.share += share;
      else parts.push({ viseme: p.viseme, share });
    }
  });
  return { text: word, kind: 'en', parts, duration };
}

/** Re-reads an English unit followed by `next` (the/to before a vowel) or at the end of a phrase. */
function relinkUnit(unit: TextUnit, next: TextUnit | undefined, final: boolean): TextUnit {
  if (unit.kind !== 'en') return unit;
  const linked = next?.kind === 'en' ? linkedPhones(unit.text, next.text) : null;
  if (!linked && !final) return unit;
  return englishWordUnit(unit.text, linked ?? englishToPhones(unit.text), final);
}

/**
 * Text (Mandarin, English or both mixed) → spoken units in order. Numbers are spelled out first; each Han
 * character is one syllable (pinyin from pinyin-pro with context), each Latin word goes through the English G2P,
 * punctuation becomes a pause.
 */
export function textToUnits(text: string, options: TextOptions = {}): TextUnit[] {
  const normalized = options.normalize === false ? text : normalizeText(text, options.language);
  const syllable = options.syllableDuration ?? 0.22;
  const chars = Array.from(normalized);
  let readings = hanziToPinyin(normalized).map((s) => s.pinyin);
  if (readings.length !== chars.length)
    readings = chars.map((c) => (isHan(c) ? (hanziToPinyin(c)[0]?.pinyin ?? '') : ''));
  const units: TextUnit[] = [];
  let word = '';
  const flush = () => {
    if (word) units.push(englishWordUnit(word));
    word = '';
  };
  chars.forEach((char, i) => {
    if (/[A-Za-z']/.test(char)) {
      word += char;
      return;
    }
    flush();
    const reading = readings[i];
    if (reading) {
      units.push({ text: char, kind: 'zh', parts: pinyinToVisemes(reading), duration: syllable });
    } else if (PAUSES[char] !== undefined) {
      units.push({ text: char, kind: 'pause', parts: [], duration: PAUSES[char] });
    }
  });
  flush();
  return units.map((u, i) => relinkUnit(u, units[i + 1], units[i + 1]?.kind === 'pause'));
}

/**
 * Shortest an English viseme inside a timestamped word is laid out (s), time permitting: shorter ones vanish between the frames and
 * under the neighbours' coarticulation ramps. Klatt (1979) gives 40–60 ms as the minimum of most English phones;
 * on the espeak-ng training sentences (bench/trainingSentences.ts) 0.06 gave the fewest text-path onsets off by
 * more than 60 ms (12.8 %, against 13.0 % without a floor and 13.6 % at 0.07).
 */
export const MIN_PART_DURATION = 0.06;

/**
 * Raises the shares below `floor` to it, taking the time from the longer parts in proportion to what they have
 * above it; an even split when the floor cannot be met. Returns new parts; shares still sum to 1.
 */
export function floorShares(parts: readonly VisemePart[], floor: number): VisemePart[] {
  if (floor * parts.length >= 1) return parts.map((p) => ({ viseme: p.viseme, share: 1 / parts.length }));
  const need = parts.reduce((sum, p) => sum + Math.max(0, floor - p.share), 0);
  const spare = parts.reduce((sum, p) => sum + Math.max(0, p.share - floor), 0);
  if (need === 0) return parts.map((p) => ({ viseme: p.viseme, share: p.share }));
  const keep = (spare - need) / spare;
  return parts.map((p) => ({
    viseme: p.viseme,
    share: p.share < floor ? floor : floor + (p.share - floor) * keep,
  }));
}

/**
 * Spreads units over [start, end) in proportion to their nominal durations, appending cues to `out`. English
 * visemes shorter than `minPart` seconds are lengthened inside their word when it has time (see
 * {@link floorShares}; default 0, none).
 */
export function unitsToCues(
  units: readonly TextUnit[],
  start: number,
  end: number,
  out: VisemeCue[],
  minPart = 0,
): void {
  const total = units.reduce((sum, u) => sum + u.duration, 0);
  if (total <= 0) return;
  let t = start;
  for (const u of units) {
    const next = t + ((end - start) * u.duration) / total;
    if (u.kind === 'pause') out.push({ viseme: 'sil', start: t, end: next });
    else if (u.kind === 'en' && minPart > 0 && next > t)
      partsToCues(floorShares(u.parts, minPart / (next - t)), t, next, out);
    else partsToCues(u.parts, t, next, out);
    t = next;
  }
}

/** Options of {@link textToCues}. */
export interface TextCueOptions extends TextOptions {
  /** Speaking rate multiplier (default 1; 1.25 = faster). */
  rate?: number;
  /** Audio time of the first unit (default 0). */
  start?: number;
}

/** Text with no timing at all → cues at a nominal speaking rate (syllable-timed Mandarin, phone-timed English). */
export function textToCues(text: string, options: TextCueOptions = {}): VisemeCue[] {
  const units = textToUnits(text, options);
  const rate = options.rate ?? 1;
  const start = options.start ?? 0;
  const duration = units.reduce((sum, u) => sum + u.duration, 0) / rate;
  const cues: VisemeCue[] = [];
  unitsToCues(units, start, start + duration, cues);
  return mergeCues(cues);
}

/** A piece of text with its audio interval (seconds): a word, a character, a subtitle. */
export interface TimedText {
  text: string;
  start: number;
  end: number;
}

/** Options of {@link timedTextToCues}. */
export interface TimedTextOptions extends TextOptions {
  /**
   * How many times its nominal duration (at the utterance's speaking rate) a span may last before the rest of it
   * is taken as a pause (default {@link PAUSE_STRETCH}; `Infinity` spreads every span's visemes over all of it).
   */
  pauseStretch?: number;
}

/**
 * Text with word/character timestamps → cues: each span's text is turned into units (numbers read in the language
 * of the whole text) and spread inside the span, so every syllable lands inside its timestamp. A span much longer
 * than its text takes at the utterance's rate ends in silence (see {@link speechEnds}).
 */
export function timedTextToCues(spans: readonly TimedText[], options: TimedTextOptions = {}): VisemeCue[] {
  const language = options.language ?? sentenceLanguage(spans.map((s) => s.text).join(''));
  const units = spans.map((span) =>
    span.end > span.start
      ? textToUnits(span.text, { ...options, language }).filter((u) => u.kind !== 'pause')
      : [],
  );
  // each span's last word read with the next span's first (the/to before a vowel), plain and before a pause
  const plain = units.map((own, i) => withLastWord(own, (u) => relinkUnit(u, units[i + 1]?.[0], false)));
  const final = units.map((own, i) => withLastWord(own, (u) => relinkUnit(u, units[i + 1]?.[0], true)));
  const ends = speechEnds(
    spans.map((s, i) => ({
      start: s.start,
      end: s.end,
      nominal: nominalDuration(plain[i]!),
      finalNominal: nominalDuration(final[i]!),
    })),
    options.pauseStretch,
  );
  const cues: VisemeCue[] = [];
  spans.forEach((span, i) => {
    const { end, final: isFinal } = ends[i]!;
    if (span.end > span.start)
      unitsToCues((isFinal ? final : plain)[i]!, span.start, end, cues, MIN_PART_DURATION);
  });
  return mergeCues(cues);
}

function withLastWord(units: readonly TextUnit[], map: (unit: TextUnit) => TextUnit): TextUnit[] {
  return units.map((u, i) => (i === units.length - 1 ? map(u) : u));
}

function nominalDuration(units: readonly TextUnit[]): number {
  return units.reduce((sum, u) => sum + u.duration, 0);
}
