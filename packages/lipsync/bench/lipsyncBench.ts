import { EspeakSynthesizer, type SynthesisResult, toFloat32 } from '../../dialog/src/tts/index';
import { alignTranscript, timedTextToCues } from '../src/index';
import { zhCharTimestamps } from './charTimestamps';
import { type Frame, Score } from './score';
import { SENTENCES } from './sentences';
import { FPS, LATENCY, play, random } from './simulatedPlayback';

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
