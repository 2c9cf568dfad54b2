import type { Viseme } from '@digital-human/core';
import { type LipsyncWarningHandler, lipsyncWarning } from '../LipsyncWarning';
import { mergeCues, type VisemeCue } from '../VisemeCue';

/**
 * Amazon Polly viseme values → canonical visemes. Polly's English table (p t S T f k i r s u @ a e E o O sil) plus
 * the Mandarin (cmn-CN) `J` for the alveolo-palatals j q x; `y`/`w` glide marks are accepted defensively.
 */
export const POLLY_VISEMES: Readonly<Record<string, Viseme>> = {
  sil: 'sil',
  p: 'PP',
  f: 'FF',
  T: 'TH',
  t: 'DD',
  k: 'kk',
  S: 'CH',
  J: 'CH',
  s: 'SS',
  r: 'RR',
  i: 'ih',
  y: 'ih',
  u: 'ou',
  w: 'ou',
  '@': 'E',
  a: 'aa',
  e: 'E',
  E: 'E',
  o: 'oh',
  O: 'oh',
};

/** One Polly speech mark (a line of the `SpeechMarkTypes: ['viseme']` output). `time` is in ms. */
export interface PollySpeechMark {
  time: number;
  type: string;
  value: string;
  start?: number;
  end?: number;
}

/** Options of {@link pollyMarksToCues}. */
export interface PollyOptions {
  /** Audio length in seconds; the last viseme runs until it (default: 0.1 s after its onset). */
  totalDuration?: number;
  onWarning?: LipsyncWarningHandler;
}

/** Parses Polly's speech-mark stream (JSON lines); bad lines are skipped with a `bad-input` warning. */
export function parsePollyMarks(text: string, onWarning?: LipsyncWarningHandler): PollySpeechMark[] {
  const marks: PollySpeechMark[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const mark = JSON.parse(line) as PollySpeechMark;
      if (typeof mark === 'object' && mark !== null && typeof mark.time === 'number') marks.push(mark);
      else onWarning?.(lipsyncWarning('bad-input', `Polly mark line ${i + 1} has no time`, i));
    } catch {
      onWarning?.(lipsyncWarning('bad-input', `Polly mark line ${i + 1} is not JSON`, i));
    }
  });
  return marks;
}

/**
 * Polly viseme speech marks (the JSON-lines text or parsed marks; word/sentence/ssml marks are ignored) → cues.
 * Each viseme lasts until the next viseme mark.
 */
export function pollyMarksToCues(
  marks: string | readonly PollySpeechMark[],
  options: PollyOptions = {},
): VisemeCue[] {
  const all = typeof marks === 'string' ? parsePollyMarks(marks, options.onWarning) : marks;
  const visemes: { viseme: Viseme; time: number }[] = [];
  all.forEach((m, i) => {
    if (m.type !== 'viseme') return;
    const viseme = Object.hasOwn(POLLY_VISEMES, m.value) ? POLLY_VISEMES[m.value] : undefined;
    if (viseme) visemes.push({ viseme, time: m.time / 1000 });
    else options.onWarning?.(lipsyncWarning('unknown-viseme', `unknown Polly viseme "${m.value}"`, i));
  });
  const cues: VisemeCue[] = visemes.map((v, i) => {
    const next = visemes[i + 1];
    return {
      viseme: v.viseme,
      start: v.time,
      end: next ? next.time : (options.totalDuration ?? v.time + 0.1),
    };
  });
  return mergeCues(cues);
}
