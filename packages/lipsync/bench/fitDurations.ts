// Fits the English phone-duration priors of the text path (src/text/englishDurations.ts) on espeak-ng speech of
// the training sentences (bench/trainingSentences.ts), never on the bench sentences. Prints the mean duration of
// each duration class (ms) and how much longer the last phones before a pause are.
// Run: npx tsx packages/lipsync/bench/fitDurations.ts
import { EspeakSynthesizer } from '../../dialog/src/tts/index';
import { TRAINING_SENTENCES } from './trainingSentences';

const VOICES = ['en-us', 'en-us+f3'];

/** espeak-ng's en-us vowels by duration class (stress marks stripped first). */
const VOWELS: Readonly<Record<string, string>> = {
  aɪ: 'diphthong',
  aʊ: 'diphthong',
  ɔɪ: 'diphthong',
  eɪ: 'diphthong',
  oʊ: 'diphthong',
  iː: 'long',
  uː: 'long',
  ɑː: 'long',
  ɔː: 'long',
  ɜː: 'long',
  ɔ: 'long',
  æ: 'long',
  ɪ: 'short',
  ɛ: 'short',
  ʊ: 'short',
  ʌ: 'short',
  i: 'short',
  ə: 'schwa',
  ɐ: 'schwa',
  ᵻ: 'schwa',
  ɚ: 'schwa',
};
const CONSONANTS: Readonly<Record<string, string>> = {
  p: 'stop',
  b: 'stop',
  t: 'stop',
  d: 'stop',
  k: 'stop',
  ɡ: 'stop',
  ɾ: 'flap',
  s: 'sibilant',
  z: 'sibilant',
  ʃ: 'sibilant',
  ʒ: 'sibilant',
  tʃ: 'sibilant',
  dʒ: 'sibilant',
  f: 'fricative',
  v: 'fricative',
  θ: 'fricative',
  ð: 'weak',
  h: 'weak',
  m: 'nasal',
  n: 'nasal',
  ŋ: 'nasal',
  l: 'liquid',
  ɹ: 'liquid',
  w: 'glide',
  j: 'glide',
};

/** The duration class of an espeak phone, or null (pauses, syllabic consonants). */
function classOf(phone: string): string | null {
  const stressed = /[ˈˌ]/.test(phone);
  const bare = phone.replace(/[ˈˌ]/g, '');
  // r-coloured vowels (a vowel and a coda r in one unit)
  if (/^[ɑɔɪɛʊ]ː?ɹ$/.test(bare)) return `rColoured${stressed ? '1' : '0'}`;
  const vowel = VOWELS[bare];
  if (vowel) return vowel === 'diphthong' || vowel === 'schwa' ? vowel : `${vowel}${stressed ? '1' : '0'}`;
  return CONSONANTS[bare] ?? null;
}

const all = new Map<string, number[]>();
const beforePause = new Map<string, number[]>();
const push = (m: Map<string, number[]>, k: string, v: number) => m.set(k, [...(m.get(k) ?? []), v]);
const tts = await EspeakSynthesizer.create();
for (const voice of VOICES) {
  for (const text of TRAINING_SENTENCES) {
    const phones = tts.synthesize(text, { voice }).phonemes;
    phones.forEach((p, i) => {
      const c = classOf(p.phoneme);
      if (!c || p.end === undefined) return;
      const ms = (p.end - p.start) * 1000;
      const next = phones[i + 1];
      // the last phones of a word before a pause (or the end), up to and including its last vowel
      const tail = !next || next.phoneme === '' || phones.slice(i + 1, i + 3).some((q) => q.phoneme === '');
      push(tail ? beforePause : all, c, ms);
    });
  }
}
tts.dispose();
const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
const rows = [...all].map(([c, xs]) => {
  const tail = beforePause.get(c) ?? [];
  return {
    class: c,
    n: xs.length,
    ms: Math.round(mean(xs)),
    nBeforePause: tail.length,
    msBeforePause: Math.round(mean(tail)),
  };
});
rows.sort((a, b) => b.ms - a.ms);
const pooled = rows.filter((r) => r.nBeforePause > 0);
const lengthening =
  pooled.reduce((s, r) => s + r.nBeforePause * r.msBeforePause, 0) /
  pooled.reduce((s, r) => s + r.nBeforePause * r.ms, 0);
process.stdout.write(
  `${JSON.stringify({ sentences: TRAINING_SENTENCES.length, voices: VOICES, rows, lengthening }, null, 1)}\n`,
);
