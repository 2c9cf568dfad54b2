import { EspeakSynthesizer } from '../../dialog/src/tts/index';
import { timedTextToCues } from '../src/index';
import { zhCharTimestamps } from './charTimestamps';
import { Score } from './score';
import { play } from './simulatedPlayback';
import { TRAINING_SENTENCES, TRAINING_SENTENCES_ZH } from './trainingSentences';

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
