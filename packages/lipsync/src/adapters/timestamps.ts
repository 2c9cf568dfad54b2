import { type LipsyncWarningHandler, lipsyncWarning } from '../LipsyncWarning';
import { isHan } from '../text/mandarin';
import { pinyinToVisemes } from '../text/pinyinVisemes';
import { type TimedText, timedTextToCues } from '../text/textToVisemes';
import { mergeCues, type VisemeCue } from '../VisemeCue';
import { partsToCues } from './phonemes';

/** ElevenLabs `alignment` / `normalized_alignment` (with-timestamps endpoints and websocket). */
export interface ElevenLabsAlignment {
  characters: string[];
  character_start_times_seconds: number[];
  character_end_times_seconds: number[];
}

/** Is `chars[i]` part of a word (letters, digits, and the signs that belong to an amount)? */
function isWordChar(chars: readonly string[], i: number): boolean {
  const c = chars[i] ?? '';
  if (/[A-Za-z0-9'%％¥￥$€£]/.test(c)) return true;
  return /[.,]/.test(c) && /\d/.test(chars[i - 1] ?? '') && /\d/.test(chars[i + 1] ?? '');
}

/**
 * Groups timed characters into timed words: each Han character alone, runs of Latin letters and digits (with
 * their amount signs) together; spaces and punctuation separate.
 */
export function charactersToWords(
  chars: readonly string[],
  starts: readonly number[],
  ends: readonly number[],
): TimedText[] {
  const words: TimedText[] = [];
  let current: TimedText | null = null;
  chars.forEach((c, i) => {
    const start = starts[i] ?? Number.NaN;
    const end = ends[i] ?? Number.NaN;
    if (isWordChar(chars, i)) {
      if (current) {
        current.text += c;
        current.end = end;
      } else {
        current = { text: c, start, end };
        words.push(current);
      }
      return;
    }
    current = null;
    if (isHan(c)) words.push({ text: c, start, end });
  });
  return words.filter((w) => Number.isFinite(w.start) && Number.isFinite(w.end));
}

/** ElevenLabs character alignment → cues (characters grouped into words, each word's visemes inside its span). */
export function elevenLabsToCues(
  alignment: ElevenLabsAlignment,
  onWarning?: LipsyncWarningHandler,
): VisemeCue[] {
  const { characters, character_start_times_seconds: starts, character_end_times_seconds: ends } = alignment;
  if (
    !Array.isArray(characters) ||
    starts?.length !== characters.length ||
    ends?.length !== characters.length
  ) {
    onWarning?.(lipsyncWarning('bad-input', 'ElevenLabs alignment arrays differ in length'));
    return [];
  }
  return timedTextToCues(charactersToWords(characters, starts, ends));
}

/** A word of Alibaba Cloud TTS (Sambert/CosyVoice) word timestamps, times in ms. */
export interface AlibabaWord {
  text: string;
  begin_time: number;
  end_time: number;
}

/**
 * Alibaba Cloud TTS timestamps (`sentence.words` with `enable_word_timestamp`) → cues. Accepts the sentence
 * object, `{ words }`, or the word array.
 */
export function alibabaToCues(
  input:
    | readonly AlibabaWord[]
    | { words: readonly AlibabaWord[] }
    | { sentence: { words: readonly AlibabaWord[] } },
): VisemeCue[] {
  const words = Array.isArray(input)
    ? input
    : 'sentence' in input
      ? input.sentence.words
      : (input as { words: readonly AlibabaWord[] }).words;
  return timedTextToCues(
    words.map((w) => ({ text: w.text, start: w.begin_time / 1000, end: w.end_time / 1000 })),
  );
}

/** One entry of Tencent Cloud TTS `Subtitles` (times in ms; `Phoneme` is toned pinyin for Chinese). */
export interface TencentSubtitle {
  Text: string;
  BeginTime: number;
  EndTime: number;
  BeginIndex?: number;
  EndIndex?: number;
  Phoneme?: string | null;
}

/** Tencent Cloud TTS subtitles → cues; uses the returned pinyin (`Phoneme`) for a Han character when present. */
export function tencentToCues(subtitles: readonly TencentSubtitle[]): VisemeCue[] {
  const cues: VisemeCue[] = [];
  for (const s of subtitles) {
    const start = s.BeginTime / 1000;
    const end = s.EndTime / 1000;
    if (!(end > start)) continue;
    const parts = s.Phoneme && isHan(s.Text) ? pinyinToVisemes(s.Phoneme) : [];
    if (parts.length > 0) partsToCues(parts, start, end, cues);
    else cues.push(...timedTextToCues([{ text: s.Text, start, end }]));
  }
  return mergeCues(cues);
}
