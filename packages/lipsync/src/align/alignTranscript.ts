import {
  type TextOptions,
  type TextUnit,
  type TimedText,
  textToUnits,
  unitsToCues,
} from '../text/textToVisemes';
import { mergeCues, type VisemeCue } from '../VisemeCue';
import { type EnergyPeak, energyEnvelope, findPeaks, percentile } from './energyEnvelope';

/** Options of {@link alignTranscript}. */
export interface AlignOptions extends TextOptions {
  /** dB above the noise floor that counts as speech (default: 25 % of the floor-to-peak range, at least 6 dB). */
  threshold?: number;
  /** Shortest gap between two syllable nuclei in seconds (default 0.08). */
  minSyllableGap?: number;
}

/** The result of {@link alignTranscript}. */
export interface Alignment {
  cues: VisemeCue[];
  /** Each Han character and each English word with the audio interval it was placed in. */
  spans: TimedText[];
  /** Time of each syllable's nucleus, seconds. */
  nuclei: number[];
}

interface Syllable {
  unit: number;
  weight: number;
}

const VOWEL_PART = new Set(['aa', 'E', 'ih', 'oh', 'ou', 'RR']);

/** Syllables of the transcript: one per Han character, one per vowel group of an English word. */
function syllablesOf(units: readonly TextUnit[]): Syllable[] {
  const out: Syllable[] = [];
  units.forEach((u, unit) => {
    let count = 1;
    if (u.kind === 'en') {
      count = 0;
      let inVowel = false;
      for (const p of u.parts) {
        const vowel = VOWEL_PART.has(p.viseme);
        if (vowel && !inVowel) count++;
        inVowel = vowel;
      }
      count = Math.max(1, count);
    }
    for (let k = 0; k < count; k++) out.push({ unit, weight: u.duration / count });
  });
  return out;
}

/**
 * Aligns a transcript (zh, en or mixed) with its audio when no timing came with it: finds syllable nuclei as peaks
 * of the voiced energy envelope, matches the transcript's syllables to them in order by dynamic programming (strong
 * peaks near where an even speaking rate puts each syllable win; weak ones may be skipped; missing ones are
 * interpolated), cuts syllables at the energy valleys between nuclei, and spreads each character's or word's
 * visemes inside its interval. Times are seconds from the start of `pcm`.
 */
export function alignTranscript(
  transcript: string,
  pcm: Float32Array,
  sampleRate: number,
  options: AlignOptions = {},
): Alignment {
  const units = textToUnits(transcript, options).filter((u) => u.kind !== 'pause');
  const syllables = syllablesOf(units);
  const env = energyEnvelope(pcm, sampleRate);
  const floor = percentile(env.db, 0.1);
  const top = percentile(env.db, 0.98);
  const threshold = floor + (options.threshold ?? Math.max(6, 0.25 * (top - floor)));
  const active = Uint8Array.from(env.db, (d) => (d >= threshold ? 1 : 0));
  const minGap = Math.round((options.minSyllableGap ?? 0.08) * env.rate);
  const peaks = findPeaks(env.db, threshold, minGap);
  if (syllables.length === 0 || peaks.length === 0) return { cues: [], spans: [], nuclei: [] };
  const expected = expectedFrames(syllables, active);
  const nuclei = interpolate(matchSyllables(syllables, peaks, expected), expected);
  const bounds = boundaries(nuclei, env.db, active, env.rate);
  const spans: TimedText[] = [];
  const cues: VisemeCue[] = [];
  units.forEach((u, unit) => {
    const mine = syllables.flatMap((s, i) => (s.unit === unit ? [i] : []));
    const start = bounds[mine[0]!]![0] / env.rate;
    const end = bounds[mine[mine.length - 1]!]![1] / env.rate;
    spans.push({ text: u.text, start, end });
    unitsToCues([u], start, end, cues);
  });
  return { cues: mergeCues(cues), spans, nuclei: nuclei.map((f) => f / env.rate) };
}

/** Where an even speaking rate over the active (speech) frames puts each syllable's centre, in frames. */
function expectedFrames(syllables: readonly Syllable[], active: Uint8Array): number[] {
  const activeFrames: number[] = [];
  active.forEach((a, f) => {
    if (a) activeFrames.push(f);
  });
  const total = syllables.reduce((s, x) => s + x.weight, 0);
  let before = 0;
  return syllables.map((s) => {
    const at = (before + s.weight / 2) / total;
    before += s.weight;
    return activeFrames[Math.min(activeFrames.length - 1, Math.floor(at * activeFrames.length))] ?? 0;
  });
}

/** Monotone matching of syllables to peaks (DP over skip-peak / miss-syllable / match). -1 = no peak. */
function matchSyllables(
  syllables: readonly Syllable[],
  peaks: readonly EnergyPeak[],
  expected: number[],
): number[] {
  const n = syllables.length;
  const m = peaks.length;
  const span = Math.max(1, (expected[n - 1]! - expected[0]!) / Math.max(1, n - 1));
  const strength = peaks.map((p) => Math.min(1, p.prominence / 6));
  const MISS = 1.2;
  const cost = new Float64Array((n + 1) * (m + 1)).fill(Number.POSITIVE_INFINITY);
  const move = new Uint8Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  cost[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const here = cost[at(i, j)]!;
      if (here === Number.POSITIVE_INFINITY) continue;
      if (j < m) relax(at(i, j + 1), here + 0.2 + strength[j]!, 1);
      if (i < n) relax(at(i + 1, j), here + MISS, 2);
      if (i < n && j < m) {
        const off = (peaks[j]!.frame - expected[i]!) / span;
        relax(at(i + 1, j + 1), here + Math.min(4, 0.15 * off * off) + (1 - strength[j]!), 3);
      }
    }
  }
  function relax(k: number, value: number, how: number) {
    if (value < cost[k]!) {
      cost[k] = value;
      move[k] = how;
    }
  }
  const match = new Array<number>(n).fill(-1);
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const how = move[at(i, j)];
    if (how === 3) match[--i] = peaks[--j]!.frame;
    else if (how === 2) i--;
    else j--;
  }
  return match;
}

/** Places syllables without a peak evenly between their matched neighbours (or at their expected frame). */
function interpolate(match: number[], expected: number[]): number[] {
  const out = match.slice();
  for (let i = 0; i < out.length; i++) {
    if (out[i]! >= 0) continue;
    let k = i;
    while (k < out.length && out[k]! < 0) k++;
    const left = i > 0 ? out[i - 1]! : null;
    const right = k < out.length ? out[k]! : null;
    for (let x = i; x < k; x++) {
      if (left === null || right === null) out[x] = expected[x]!;
      else {
        const f = (x - i + 1) / (k - i + 1);
        out[x] = left + (right - left) * f;
      }
    }
    i = k - 1;
  }
  for (let i = 1; i < out.length; i++) out[i] = Math.max(out[i]!, out[i - 1]! + 1);
  return out;
}

/** Start and end frame of each syllable: valleys between nuclei, speech edges at pauses and at both ends. */
function boundaries(
  nuclei: number[],
  db: Float32Array,
  active: Uint8Array,
  rate: number,
): [number, number][] {
  const maxEdge = Math.round(0.3 * rate);
  const lead = Math.round(0.03 * rate);
  const out: [number, number][] = nuclei.map((n) => [n, n + 1]);
  let first = Math.round(nuclei[0]!);
  for (let k = 0; k < maxEdge && first > 0 && active[first - 1]; k++) first--;
  out[0]![0] = Math.max(0, first - lead);
  for (let i = 0; i + 1 < nuclei.length; i++) {
    const a = Math.round(nuclei[i]!);
    const b = Math.round(nuclei[i + 1]!);
    let valley = a + 1;
    for (let f = a + 1; f < b; f++) if (db[f]! < db[valley]!) valley = f;
    let end = valley;
    let start = valley;
    if (!active[valley]) {
      end = a;
      while (end < valley && active[end]) end++;
      start = b;
      while (start > valley && active[start - 1]) start--;
      start = Math.max(end, start - lead);
    }
    out[i]![1] = Math.max(out[i]![0] + 1, end);
    out[i + 1]![0] = start;
  }
  const lastIndex = nuclei.length - 1;
  let last = Math.round(nuclei[lastIndex]!);
  for (let k = 0; k < maxEdge && last < active.length - 1 && active[last + 1]; k++) last++;
  out[lastIndex]![1] = Math.max(out[lastIndex]![0] + 1, last + 1);
  return out;
}
