// Scores the English letter-to-sound (englishToPhones → englishWordUnit) against espeak-ng on the TRAINING
// sentences only (bench/trainingSentences.ts), never the bench sentences: for each word espeak spoke, espeak's
// visemes inside the word's span (repeats collapsed) against ours, as a viseme edit distance. espeak's word spans
// are a little off at the edges (a first phone can land in the previous word), so not every difference is a G2P
// error. Prints the total, then each differing word with espeak's IPA (`--all` lists them all, default 60).
// Run: npx tsx packages/lipsync/bench/g2pTraining.ts [--all]
import { EspeakSynthesizer } from '../../dialog/src/tts/index';
import { englishWordUnit } from '../src/text/textToVisemes';
import { TRAINING_SENTENCES } from './trainingSentences';

const EPS = 1e-6;

/** Levenshtein distance of two sequences. */
function editDistance(a: readonly string[], b: readonly string[]): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitute = (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      next.push(Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, substitute));
    }
    row = next;
  }
  return row[b.length] ?? 0;
}

function collapse(visemes: readonly string[]): string[] {
  const out: string[] = [];
  for (const v of visemes) if (v !== 'sil' && out[out.length - 1] !== v) out.push(v);
  return out;
}

const tts = await EspeakSynthesizer.create();
let words = 0;
let differ = 0;
let distance = 0;
let length = 0;
const lines: string[] = [];
for (const text of TRAINING_SENTENCES) {
  const r = tts.synthesize(text, { voice: 'en-us' });
  for (const w of r.words) {
    const inside = (start: number) => start >= w.start - EPS && start < w.end - EPS;
    const truth = collapse(r.visemes.filter((c) => inside(c.start)).map((c) => c.viseme));
    const ipa = r.phonemes
      .filter((p) => inside(p.start))
      .map((p) => p.phoneme)
      .join('');
    const ours = collapse(englishWordUnit(w.text).parts.map((p) => p.viseme));
    const e = editDistance(truth, ours);
    words++;
    distance += e;
    length += truth.length;
    if (e > 0) {
      differ++;
      lines.push(`${w.text} /${ipa}/: espeak ${truth.join(' ')} | ours ${ours.join(' ')}`);
    }
  }
}
tts.dispose();
const rate = ((distance / length) * 100).toFixed(1);
const shown = process.argv.includes('--all') ? lines : lines.slice(0, 60);
process.stdout.write(`${words} words, ${differ} differ, ${rate} % viseme edit rate\n${shown.join('\n')}\n`);
