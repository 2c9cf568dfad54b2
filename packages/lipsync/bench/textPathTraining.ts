// Scores the English text+timestamps path on the training sentences (bench/trainingSentences.ts), never the bench
// sentences: the numbers the text path's constants were chosen on (PAUSE_STRETCH, LAST_SPAN_STRETCH,
// MIN_PART_DURATION). Also the Mandarin text path on the Mandarin training sentences (`zh`: the syllable shares of
// pinyinVisemes.ts) and the TTS-viseme path (exact cues), on which the Coarticulator's constants are judged.
// Same simulated clock and scoring as lipsyncBench.ts. Prints one JSON object.
// Run: npx tsx packages/lipsync/bench/textPathTraining.ts [pauseStretch]
import { VISEME_COUNT } from '@digital-human/core';
import { EspeakSynthesizer } from '../../dialog/src/tts/index';
import { dominantViseme, timedTextToCues, type VisemeCue, VisemeScheduler } from '../src/index';
import { zhCharTimestamps } from './charTimestamps';
import { type Frame, Score } from './score';
import { TRAINING_SENTENCES, TRAINING_SENTENCES_ZH } from './trainingSentences';

const FPS = 60;
const LATENCY = 0.05;
const START = 1;
let seed = 7;
const random = () => {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
};

function play(cues: readonly VisemeCue[], duration: number): Frame[] {
  const clock = { currentTime: 0, outputLatency: LATENCY };
  const scheduler = new VisemeScheduler({ clock });
  scheduler.schedule(cues, START);
  const out = new Float32Array(VISEME_COUNT);
  const frames: Frame[] = [];
  for (let t = START - 0.2 + random() / FPS; t < START + duration + 0.3; t += 1 / FPS) {
    clock.currentTime = t + LATENCY;
    scheduler.sample(out);
    frames.push({ t: t - START, label: dominantViseme(out) });
  }
  scheduler.dispose();
  return frames;
}

const stretch = process.argv[2] === undefined ? undefined : Number(process.argv[2]);
const tts = await EspeakSynthesizer.create();
const score = new Score();
const ttsScore = new Score();
TRAINING_SENTENCES.forEach((text, i) => {
  const r = tts.synthesize(text, { voice: i % 2 ? 'en-us+f3' : 'en-us' });
  const cues = timedTextToCues(r.words, stretch === undefined ? {} : { pauseStretch: stretch });
  score.add(r.visemes, play(cues, r.duration));
  ttsScore.add(r.visemes, play(r.visemes, r.duration));
});
const zh = new Score();
TRAINING_SENTENCES_ZH.forEach((text, i) => {
  const r = tts.synthesize(text, { voice: i % 2 ? 'cmn+f2' : 'cmn' });
  zh.add(r.visemes, play(timedTextToCues(zhCharTimestamps(r)), r.duration));
});
tts.dispose();
const over60 = score.errors.filter((e) => Math.abs(e) > 60).length / Math.max(1, score.errors.length);
process.stdout.write(
  `${JSON.stringify({ sentences: TRAINING_SENTENCES.length, over60, ...score.summary(), ttsVisemes: ttsScore.summary(), zh: zh.summary() })}\n`,
);
