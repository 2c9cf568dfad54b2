import { arpabetToVisemes, partsToCues, type VisemePart } from '../adapters/phonemes';
import { mergeCues, type VisemeCue } from '../VisemeCue';
import { englishToPhones } from './englishG2P';
import { hanziToPinyin, isHan } from './mandarin';
import { normalizeText, sentenceLanguage } from './normalizeText';
import { pinyinToVisemes } from './pinyinVisemes';

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

/** Nominal English phone durations (s), by ARPAbet class. */
function phoneDuration(phone: string): number {
  if (/^(AW|AY|OY|EY|OW)/.test(phone)) return 0.14;
  if (/^AH0|^(AX|IX)/.test(phone)) return 0.05;
  if (/0$/.test(phone)) return 0.065;
  if (/\d$/.test(phone)) return 0.11;
  if (/^(P|B|T|D|K|G)$/.test(phone)) return 0.06;
  if (/^(S|Z|SH|ZH|F|V|TH|CH|JH)$/.test(phone)) return 0.085;
  if (/^(HH|W|Y|DH)$/.test(phone)) return 0.05;
  return 0.065;
}

/** An English word → visemes with shares, and its nominal duration. */
export function englishWordUnit(word: string): TextUnit {
  const phones = englishToPhones(word);
  const raw: VisemePart[] = [];
  let duration = 0;
  for (const phone of phones) {
    const d = phoneDuration(phone);
    duration += d;
    for (const p of arpabetToVisemes(phone)) raw.push({ viseme: p.viseme, share: p.share * d });
  }
  const parts: VisemePart[] = [];
  for (const p of raw) {
    const last = parts[parts.length - 1];
    if (last && last.viseme === p.viseme) last.share += p.share / duration;
    else parts.push({ viseme: p.viseme, share: p.share / duration });
  }
  return { text: word, kind: 'en', parts, duration };
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
  return units;
}

/** Spreads units over [start, end) in proportion to their nominal durations, appending cues to `out`. */
export function unitsToCues(units: readonly TextUnit[], start: number, end: number, out: VisemeCue[]): void {
  const total = units.reduce((sum, u) => sum + u.duration, 0);
  if (total <= 0) return;
  let t = start;
  for (const u of units) {
    const next = t + ((end - start) * u.duration) / total;
    if (u.kind === 'pause') out.push({ viseme: 'sil', start: t, end: next });
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

/**
 * Text with word/character timestamps → cues: each span's text is turned into units (numbers read in the language
 * of the whole text) and spread inside the span, so every syllable lands inside its timestamp.
 */
export function timedTextToCues(spans: readonly TimedText[], options: TextOptions = {}): VisemeCue[] {
  const language = options.language ?? sentenceLanguage(spans.map((s) => s.text).join(''));
  const cues: VisemeCue[] = [];
  for (const span of spans) {
    if (!(span.end > span.start)) continue;
    const units = textToUnits(span.text, { ...options, language }).filter((u) => u.kind !== 'pause');
    unitsToCues(units, span.start, span.end, cues);
  }
  return mergeCues(cues);
}
