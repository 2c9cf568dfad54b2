// `pnpm bench:lipsync` (Node part): synthesises the bench sentences with espeak-ng (ground-truth phoneme times),
// plays each source path through the SDK's VisemeScheduler on a simulated audio clock (60 fps frames at a random
// phase, 50 ms output latency) and scores the mouth frame by frame. Prints one JSON object on stdout.
// Run: npx tsx packages/lipsync/bench/lipsyncBench.ts
// The dev synthesiser lives in @digital-human/dialog (GPL, dev only); this bench is dev-only too.
import { VISEME_COUNT } from '@digital-human/core';
import { EspeakSynthesizer, type SynthesisResult, toFloat32 } from '../../dialog/src/tts/index';
import {
  alignTranscript,
  dominantViseme,
  timedTextToCues,
  type VisemeCue,
  VisemeScheduler,
} from '../src/index';
import { zhCharTimestamps } from './charTimestamps';
import { type Frame, Score } from './score';
import { SENTENCES } from './sentences';

const FPS = 60;
const LATENCY = 0.05;
const START = 1;
let seed = 7;
const random = () => {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
};

/** Plays cues through a VisemeScheduler on a simulated AudioContext and samples the mouth every frame. */
function play(cues: readonly VisemeCue[], duration: number): Frame[] {
  const clock = { currentTime: 0, outputLatency: LATENCY };
  const scheduler = new VisemeScheduler({ clock });
  scheduler.schedule(cues, START);
  const out = new Float32Array(VISEME_COUNT);
  const frames: Frame[] = [];
  for (let t = START - 0.2 + random() / FPS; t < START + duration + 0.3; t += 1 / FPS) {
    clock.currentTime = t + LATENCY; // what is heard now is `t`
    scheduler.sample(out);
    frames.push({ t: t - START, label: dominantViseme(out) });
  }
  scheduler.dispose();
  return frames;
}

/** The loudness-only peer (ChatVRM/Amica): mouth open ('aa') when the volume is above a threshold. */
function loudness(r: SynthesisResult): Frame[] {
  const pcm = toFloat32(r.samples);
  const half = Math.round(0.02 * r.sampleRate);
  const volume = (t: number) => {
    const c = Math.round(t * r.sampleRate);
    let peak = 0;
    for (let i = Math.max(0, c - half); i < Math.min(pcm.length, c + half); i++)
      peak = Math.max(peak, Math.abs(pcm[i]!));
    return peak;
  };
  const frames: Frame[] = [];
  for (let t = -0.2 + random() / FPS; t < r.duration + 0.3; t += 1 / FPS) {
    // ChatVRM: volume → sigmoid → 'aa' weight; shown as 'aa' when the weight passes one half
    const weight = 1 / (1 + Math.exp(-45 * volume(t) + 5));
    frames.push({ t, label: weight > 0.5 ? 'aa' : 'sil' });
  }
  return frames;
}

const paths = ['tts-visemes', 'text+timestamps', 'transcript+audio', 'loudness-baseline'] as const;
const scores = Object.fromEntries(
  paths.flatMap((p) => [
    [`${p}/zh`, new Score()],
    [`${p}/en`, new Score()],
  ]),
) as Record<string, Score>;

const tts = await EspeakSynthesizer.create();
for (const s of SENTENCES) {
  const r = tts.synthesize(s.text, { voice: s.voice });
  const truth = r.visemes;
  const timed = s.language === 'zh' ? zhCharTimestamps(r) : r.words;
  const aligned = alignTranscript(s.text, toFloat32(r.samples), r.sampleRate).cues;
  scores[`tts-visemes/${s.language}`]!.add(truth, play(r.visemes, r.duration));
  scores[`text+timestamps/${s.language}`]!.add(truth, play(timedTextToCues(timed), r.duration));
  scores[`transcript+audio/${s.language}`]!.add(truth, play(aligned, r.duration));
  scores[`loudness-baseline/${s.language}`]!.add(truth, loudness(r));
}
tts.dispose();
const summary = Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, v.summary()]));
process.stdout.write(
  `${JSON.stringify({ fps: FPS, latency: LATENCY, sentences: SENTENCES.length, summary })}\n`,
);
