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
 * Mean duration (s) of each class in espeak-ng en-us speech (voices en-us and en-us+f3, default rate) of the 72
 * training sentences in bench/trainingSentences.ts, as printed by bench/fitDurations.ts; the bench sentences are
 * not among them. The order agrees with the phonetics literature (Klatt 1979, Umeda 1975): diphthongs and stressed
 * long vowels longest, unstressed vowels about half a stressed one, stops and flaps shortest. A table.
 */
export const PHONE_DURATIONS: Readonly<Record<DurationClass, number>> = {
  diphthong: 0.127,
  long1: 0.125,
  short1: 0.109,
  glide: 0.083,
  nasal: 0.081,
  sibilant: 0.08,
  fricative: 0.076,
  long0: 0.075,
  schwa: 0.067,
  short0: 0.06,
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
 * Function words: in connected speech they are unstressed, their vowels as short as any unstressed vowel (a
 * dictionary marks them stressed as citation forms). A table.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if of to in on at by for from with as than that this these those ' +
    'i me my you your he him his she her it its we us our they them their ' +
    'is am are was were be been has have had do does did can could will would shall should may might must ' +
    'not no so there'
  ).split(' '),
);

const unstressed = (phone: string) => phone.replace(/[12]$/, '0');

/**
 * Nominal durations (s) of a word's ARPAbet phones. A function word's vowels count as unstressed; with `final`,
 * the word ends a phrase: its last vowel and the consonants after it get {@link FINAL_LENGTHENING}.
 */
export function wordPhoneDurations(phones: readonly string[], final = false, word = ''): number[] {
  const weak = FUNCTION_WORDS.has(word.toLowerCase());
  const durations = phones.map((p) => englishPhoneDuration(weak ? unstressed(p) : p));
  rColour(phones, durations);
  if (!final) return durations;
  const last = phones.findLastIndex((p) => VOWEL.test(p.toUpperCase()));
  for (let i = Math.max(0, last); i < durations.length; i++) {
    durations[i]! *= i === last ? FINAL_LENGTHENING.vowel : FINAL_LENGTHENING.coda;
  }
  return durations;
}

const CLOSE = /^(IH|IY|UH|UW)/;

/**
 * A vowel before a coda R is one r-coloured vowel (car, here): the rhotic shape takes the same share of it as in
 * the IPA path (`ɑːɹ` half, `ɪɹ` two thirds), whose units last about as long as vowel and R together
 * (bench/fitDurations.ts: 167 ms stressed).
 */
function rColour(phones: readonly string[], durations: number[]): void {
  for (let i = 0; i + 1 < phones.length; i++) {
    const vowel = phones[i]!.toUpperCase();
    if (!VOWEL.test(vowel) || phones[i + 1] !== 'R' || VOWEL.test(phones[i + 2] ?? '')) continue;
    const total = durations[i]! + durations[i + 1]!;
    durations[i] = total * (CLOSE.test(vowel) ? 1 / 3 : 1 / 2);
    durations[i + 1] = total - durations[i]!;
  }
}
