/**
 * Duration classes of English phones: vowels by length and stress, consonants by manner of articulation.
 * `long`/`short` vowels carry the stress as in ARPAbet: 1 stressed (primary or secondary), 0 unstressed.
 */
export type DurationClass =
  | 'diphthong'
  | 'long1'
  | 'short1'
  | 'long0'
  | 'short0'
  | 'schwa'
  | 'glide'
  | 'nasal'
  | 'sibilant'
  | 'fricative'
  | 'liquid'
  | 'stop'
  | 'weak'
  | 'flap';

/**
 * Mean duration (s) of each class in espeak-ng en-us speech (voices en-us and en-us+f3, default rate) of the 60
 * training sentences in bench/trainingSentences.ts, as printed by bench/fitDurations.ts; the bench sentences are
 * not among them. The order agrees with the phonetics literature (Klatt 1979, Umeda 1975): diphthongs and stressed
 * long vowels longest, unstressed vowels about half a stressed one, stops and flaps shortest. A table.
 */
export const PHONE_DURATIONS: Readonly<Record<DurationClass, number>> = {
  diphthong: 0.124,
  long1: 0.121,
  short1: 0.106,
  glide: 0.082,
  nasal: 0.082,
  sibilant: 0.08,
  long0: 0.077,
  fricative: 0.075,
  schwa: 0.068,
  short0: 0.059,
  liquid: 0.058,
  stop: 0.051,
  weak: 0.049,
  flap: 0.041,
};

const CONSONANT_CLASSES: Readonly<Record<string, DurationClass>> = {
  P: 'stop',
  B: 'stop',
  T: 'stop',
  D: 'stop',
  K: 'stop',
  G: 'stop',
  DX: 'flap',
  S: 'sibilant',
  Z: 'sibilant',
  SH: 'sibilant',
  ZH: 'sibilant',
  CH: 'sibilant',
  JH: 'sibilant',
  F: 'fricative',
  V: 'fricative',
  TH: 'fricative',
  DH: 'weak',
  HH: 'weak',
  M: 'nasal',
  N: 'nasal',
  NG: 'nasal',
  EM: 'nasal',
  EN: 'nasal',
  L: 'liquid',
  EL: 'liquid',
  R: 'liquid',
  W: 'glide',
  Y: 'glide',
};

const DIPHTHONG = /^(AW|AY|OY|EY|OW)/;
const LONG = /^(IY|UW|AA|AO|ER|AE)/;
const SCHWA = /^(AX|IX|AXR)|^(AH|ER)0$/;

/** The duration class of an ARPAbet phone (`AY1`, `AH0`, `T`); unknown phones count as a liquid. */
export function durationClass(phone: string): DurationClass {
  const p = phone.toUpperCase();
  if (DIPHTHONG.test(p)) return 'diphthong';
  if (SCHWA.test(p)) return 'schwa';
  const stressed = !/0$/.test(p);
  // unstressed final -y (happy) is short, like espeak's i
  if (LONG.test(p) && !(p === 'IY0')) return stressed ? 'long1' : 'long0';
  if (/^(IH|EH|UH|AH|IY)/.test(p)) return stressed ? 'short1' : 'short0';
  return CONSONANT_CLASSES[p] ?? 'liquid';
}

/** Nominal duration (s) of an ARPAbet phone at an average speaking rate (about 175 words per minute). */
export function englishPhoneDuration(phone: string): number {
  return PHONE_DURATIONS[durationClass(phone)];
}

/**
 * Phrase-final lengthening: before a pause the last vowel of a word lasts about half again as long and the
 * consonants after it a little longer (espeak-ng training speech, bench/fitDurations.ts: vowels ×1.4–1.7,
 * codas ×1.0–1.2; Klatt 1979 gives the same direction).
 */
export const FINAL_LENGTHENING = { vowel: 1.5, coda: 1.1 } as const;

const VOWEL = /^(AA|AE|AH|AO|AW|AX|AY|EH|ER|EY|IH|IX|IY|OW|OY|UH|UW)/;

/**
 * Nominal durations (s) of a word's ARPAbet phones. With `final`, the word ends a phrase: its last vowel and the
 * consonants after it get {@link FINAL_LENGTHENING}.
 */
export function wordPhoneDurations(phones: readonly string[], final = false): number[] {
  const durations = phones.map(englishPhoneDuration);
  if (!final) return durations;
  const last = phones.findLastIndex((p) => VOWEL.test(p.toUpperCase()));
  for (let i = Math.max(0, last); i < durations.length; i++) {
    durations[i]! *= i === last ? FINAL_LENGTHENING.vowel : FINAL_LENGTHENING.coda;
  }
  return durations;
}
