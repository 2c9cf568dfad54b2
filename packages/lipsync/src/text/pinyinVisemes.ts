import type { Viseme } from '@digital-human/core';
import type { VisemePart } from '../adapters/phonemes';

/** A viseme with a relative duration weight (normalised later to shares). */
type Weighted = readonly [Viseme, number];

/** Pinyin initials → viseme and the share of the syllable they take. */
const INITIALS: Readonly<Record<string, readonly [Viseme, number]>> = {
  b: ['PP', 0.2],
  p: ['PP', 0.25],
  m: ['PP', 0.25],
  f: ['FF', 0.3],
  d: ['DD', 0.2],
  t: ['DD', 0.25],
  n: ['nn', 0.25],
  l: ['nn', 0.25],
  g: ['kk', 0.2],
  k: ['kk', 0.25],
  h: ['kk', 0.3],
  j: ['CH', 0.3],
  q: ['CH', 0.35],
  x: ['CH', 0.35],
  zh: ['CH', 0.3],
  ch: ['CH', 0.35],
  sh: ['CH', 0.35],
  r: ['RR', 0.25],
  z: ['SS', 0.3],
  c: ['SS', 0.35],
  s: ['SS', 0.35],
};

const GLIDE = 0.4;
const CODA = 0.5;
/**
 * Pinyin finals (after y/w spelling is undone, ü written `v`) → vowel sequences: 'iao' → ih, aa, ou. Medial glides
 * and nasal codas get less time than the nucleus. A table.
 */
const FINALS: Readonly<Record<string, readonly Weighted[]>> = {
  a: [['aa', 1]],
  o: [['oh', 1]],
  e: [['E', 1]],
  i: [['ih', 1]],
  u: [['ou', 1]],
  v: [['ou', 1]],
  ai: [
    ['aa', 1],
    ['ih', CODA],
  ],
  ei: [
    ['E', 1],
    ['ih', CODA],
  ],
  ao: [
    ['aa', 1],
    ['ou', CODA],
  ],
  ou: [
    ['oh', 1],
    ['ou', CODA],
  ],
  an: [
    ['aa', 1],
    ['nn', CODA],
  ],
  en: [
    ['E', 1],
    ['nn', CODA],
  ],
  ang: [
    ['aa', 1],
    ['kk', CODA],
  ],
  eng: [
    ['E', 1],
    ['kk', CODA],
  ],
  ong: [
    ['oh', 1],
    ['kk', CODA],
  ],
  er: [
    ['E', 1],
    ['RR', 1],
  ],
  ia: [
    ['ih', GLIDE],
    ['aa', 1],
  ],
  ie: [
    ['ih', GLIDE],
    ['E', 1],
  ],
  iao: [
    ['ih', GLIDE],
    ['aa', 1],
    ['ou', CODA],
  ],
  iu: [
    ['ih', GLIDE],
    ['oh', 1],
    ['ou', CODA],
  ],
  iou: [
    ['ih', GLIDE],
    ['oh', 1],
    ['ou', CODA],
  ],
  ian: [
    ['ih', GLIDE],
    ['E', 1],
    ['nn', CODA],
  ],
  in: [
    ['ih', 1],
    ['nn', CODA],
  ],
  iang: [
    ['ih', GLIDE],
    ['aa', 1],
    ['kk', CODA],
  ],
  ing: [
    ['ih', 1],
    ['kk', CODA],
  ],
  iong: [
    ['ih', GLIDE],
    ['oh', 1],
    ['kk', CODA],
  ],
  ua: [
    ['ou', GLIDE],
    ['aa', 1],
  ],
  uo: [
    ['ou', GLIDE],
    ['oh', 1],
  ],
  uai: [
    ['ou', GLIDE],
    ['aa', 1],
    ['ih', CODA],
  ],
  ui: [
    ['ou', GLIDE],
    ['E', 1],
    ['ih', CODA],
  ],
  uei: [
    ['ou', GLIDE],
    ['E', 1],
    ['ih', CODA],
  ],
  uan: [
    ['ou', GLIDE],
    ['aa', 1],
    ['nn', CODA],
  ],
  un: [
    ['ou', GLIDE],
    ['E', 1],
    ['nn', CODA],
  ],
  uen: [
    ['ou', GLIDE],
    ['E', 1],
    ['nn', CODA],
  ],
  uang: [
    ['ou', GLIDE],
    ['aa', 1],
    ['kk', CODA],
  ],
  ueng: [
    ['ou', GLIDE],
    ['E', 1],
    ['kk', CODA],
  ],
  ve: [
    ['ou', GLIDE],
    ['E', 1],
  ],
  van: [
    ['ou', GLIDE],
    ['aa', 1],
    ['nn', CODA],
  ],
  vn: [
    ['ou', 1],
    ['nn', CODA],
  ],
  // interjections
  n: [['nn', 1]],
  ng: [['kk', 1]],
  m: [['PP', 1]],
  hm: [['PP', 1]],
};

/** Undoes the y/w spelling rules and writes ü as v: 'yuan' → 'van', 'wei' → 'uei', 'you' → 'iou'. */
function splitSyllable(syllable: string): { initial: string; final: string } {
  let s = syllable.toLowerCase().replace(/ü|u:/g, 'v');
  if (s.startsWith('y')) {
    s = s.startsWith('yu') ? `v${s.slice(2)}` : s.startsWith('yi') ? s.slice(1) : `i${s.slice(1)}`;
    return { initial: '', final: s };
  }
  if (s.startsWith('w')) return { initial: '', final: s.startsWith('wu') ? s.slice(1) : `u${s.slice(1)}` };
  const initial = s.match(/^(zh|ch|sh|[bpmfdtnlgkhjqxrzcs])/)?.[0] ?? '';
  let final = s.slice(initial.length);
  if ('jqx'.includes(initial) && initial && final.startsWith('u')) final = `v${final.slice(1)}`;
  return { initial, final };
}

/**
 * One toneless pinyin syllable (`zhang`, `xue`, `lü`/`lv`) → visemes with shares of the syllable's duration:
 * the initial first, then the final's vowel sequence. Returns [] for a string that is not pinyin.
 */
export function pinyinToVisemes(syllable: string): VisemePart[] {
  const { initial, final } = splitSyllable(syllable.replace(/[0-5]$/, ''));
  const vowels = FINALS[final];
  if (!vowels) return [];
  const head = INITIALS[initial];
  const parts: VisemePart[] = [];
  const rest = head ? 1 - head[1] : 1;
  if (head) parts.push({ viseme: head[0], share: head[1] });
  const total = vowels.reduce((sum, [, w]) => sum + w, 0);
  for (const [viseme, w] of vowels) {
    const last = parts[parts.length - 1];
    const share = (rest * w) / total;
    if (last && last.viseme === viseme) last.share += share;
    else parts.push({ viseme, share });
  }
  return parts;
}
