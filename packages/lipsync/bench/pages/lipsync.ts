// The Chromium part of the lip-sync bench: each espeak-ng sentence is played through a real AudioContext; one
// VisemeScheduler per source path runs on that context's clock; every animation frame the mouth of each path is
// sampled and scored against espeak's phoneme timing (paths: TTS visemes, text + timestamps, transcript + audio
// alignment, the audio-only model) at the audio heard then, as the device reports it
// (getOutputTimestamp() moved on to the frame's performance.now(); currentTime moves in ~20 ms audio callbacks
// here, so currentTime - outputLatency is a staircase 0..10 ms ahead of the sound). The
// loudness peer is ChatVRM's: an AnalyserNode on the same audio, max |sample| → sigmoid → 'aa'. The HeadAudio peer
// (MIT, dev dependency) is its AudioWorklet on the same audio with its shipped English model, updated every frame.
import { VISEME_COUNT, type Viseme } from '@digital-human/core';
// @ts-expect-error: HeadAudio ships no types
import { HeadAudio } from '@met4citizen/headaudio/dist/headaudio.min.mjs';
import workletUrl from '@met4citizen/headaudio/dist/headworklet.min.mjs?url';
import modelUrl from '@met4citizen/headaudio/dist/model-en-mixed.bin?url';
import { EspeakSynthesizer, toFloat32 } from '../../../dialog/src/tts/index';
import {
  alignTranscript,
  dominantViseme,
  timedTextToCues,
  type VisemeCue,
  VisemeScheduler,
} from '../../src/index';
import { zhCharTimestamps } from '../charTimestamps';
import { type Frame, Score } from '../score';
import { SENTENCES } from '../sentences';
import { AUDIO_MODEL_PATH, loadAudioModel, scoreHeldOutVoices } from './audioModelPath';

type Summary = ReturnType<Score['summary']>;

/** HeadAudio's blend-shape keys → our visemes. */
const HEADAUDIO: Readonly<Record<string, Viseme>> = {
  viseme_aa: 'aa',
  viseme_E: 'E',
  viseme_I: 'ih',
  viseme_O: 'oh',
  viseme_U: 'ou',
  viseme_PP: 'PP',
  viseme_SS: 'SS',
  viseme_TH: 'TH',
  viseme_DD: 'DD',
  viseme_FF: 'FF',
  viseme_kk: 'kk',
  viseme_nn: 'nn',
  viseme_RR: 'RR',
  viseme_CH: 'CH',
  viseme_sil: 'sil',
};

interface HeadAudioNode extends AudioNode {
  loadModel(url: string): Promise<void>;
  update(dtMs: number): void;
  onvalue: ((key: string, value: number) => void) | null;
}

/** HeadAudio on `ctx`, its current blend-shape values kept in `values`. */
async function createHeadAudio(ctx: AudioContext, values: Map<Viseme, number>): Promise<HeadAudioNode> {
  await ctx.audioWorklet.addModule(workletUrl);
  const node = new HeadAudio(ctx, { parameterData: { silMode: 0 } }) as HeadAudioNode;
  await node.loadModel(modelUrl);
  node.onvalue = (key, value) => {
    const v = HEADAUDIO[key];
    if (v) values.set(v, value);
  };
  return node;
}

function strongest(values: Map<Viseme, number>): Viseme {
  let best: Viseme = 'sil';
  let weight = 0.05;
  for (const [v, w] of values) {
    if (w > weight) {
      best = v;
      weight = w;
    }
  }
  return best;
}

/** The audio time heard now: the device's output timestamp moved on to now, else currentTime - latency. */
function heardNow(ctx: AudioContext): number {
  const out = ctx.getOutputTimestamp();
  if (out.contextTime && out.performanceTime)
    return out.contextTime + (performance.now() - out.performanceTime) / 1000;
  return ctx.currentTime - (ctx.outputLatency || ctx.baseLatency || 0);
}

/** The TTS-viseme path once more on the stepped clock the SDK used before (currentTime - outputLatency). */
const STEPPED = 'tts-visemes on currentTime';

async function playSentence(
  ctx: AudioContext,
  head: { node: HeadAudioNode; values: Map<Viseme, number> },
  pcm: Float32Array,
  sampleRate: number,
  paths: Record<string, readonly VisemeCue[]>,
): Promise<Record<string, Frame[]>> {
  const buffer = ctx.createBuffer(1, pcm.length, sampleRate);
  buffer.copyToChannel(pcm as Float32Array<ArrayBuffer>, 0);
  const source = ctx.createBufferSource();
  source.buffer = buffer;
  const analyser = ctx.createAnalyser();
  analyser.fftSize = 2048;
  source.connect(analyser).connect(ctx.destination);
  source.connect(head.node);
  const start = ctx.currentTime + 0.3;
  source.start(start);
  const schedulers = Object.entries(paths).map(([name, cues]) => {
    const latency = name === STEPPED ? ctx.outputLatency || ctx.baseLatency || 0 : undefined;
    const s = new VisemeScheduler({ clock: ctx, ...(latency === undefined ? {} : { latency }) });
    s.schedule(cues, start);
    return [name, s] as const;
  });
  const frames: Record<string, Frame[]> = { 'loudness-baseline': [], headaudio: [] };
  let last = performance.now();
  for (const [name] of schedulers) frames[name] = [];
  const out = new Float32Array(VISEME_COUNT);
  const wave = new Float32Array(analyser.fftSize);
  const end = start + buffer.duration + 0.3;
  await new Promise<void>((resolve) => {
    const frame = () => {
      const heard = heardNow(ctx);
      const t = heard - start;
      for (const [name, s] of schedulers) {
        s.sample(out);
        frames[name]!.push({ t, label: dominantViseme(out) });
      }
      analyser.getFloatTimeDomainData(wave);
      let peak = 0;
      for (const x of wave) peak = Math.max(peak, Math.abs(x));
      const weight = 1 / (1 + Math.exp(-45 * peak + 5));
      frames['loudness-baseline']!.push({ t, label: weight > 0.5 ? 'aa' : 'sil' });
      const now = performance.now();
      head.node.update(now - last);
      last = now;
      frames.headaudio!.push({ t, label: strongest(head.values) });
      if (heard < end) requestAnimationFrame(frame);
      else resolve();
    };
    requestAnimationFrame(frame);
  });
  for (const [, s] of schedulers) s.dispose();
  return frames;
}

async function runLipsync(
  dataUrl: string,
): Promise<{ summary: Record<string, Summary>; latency: number; fps: number; stalls: number }> {
  const tts = await EspeakSynthesizer.create({ data: dataUrl });
  const ctx = new AudioContext();
  await ctx.resume();
  const values = new Map<Viseme, number>();
  const head = { node: await createHeadAudio(ctx, values), values };
  const audioModel = await loadAudioModel();
  const scores: Record<string, Score> = {};
  let frameCount = 0;
  let seconds = 0;
  let stalls = 0;
  // warm-up (JIT, worklet, first audio blocks): one sentence played and not scored
  const warm = tts.synthesize('欢迎光临。Welcome.', { voice: 'cmn' });
  await playSentence(ctx, head, toFloat32(warm.samples), warm.sampleRate, { 'tts-visemes': warm.visemes });
  for (const s of SENTENCES) {
    const r = tts.synthesize(s.text, { voice: s.voice });
    const timed = s.language === 'zh' ? zhCharTimestamps(r) : r.words;
    const frames = await playSentence(ctx, head, toFloat32(r.samples), r.sampleRate, {
      'tts-visemes': r.visemes,
      [STEPPED]: r.visemes,
      'text+timestamps': timedTextToCues(timed),
      'transcript+audio': alignTranscript(s.text, toFloat32(r.samples), r.sampleRate).cues,
      [AUDIO_MODEL_PATH]: await audioModel(toFloat32(r.samples), r.sampleRate),
    });
    for (const [name, f] of Object.entries(frames)) {
      const key = `${name}/${s.language}`;
      scores[key] ??= new Score();
      scores[key].add(r.visemes, f);
    }
    frameCount += frames['tts-visemes']!.length;
    const times = frames['tts-visemes']!.map((f) => f.t);
    for (let i = 1; i < times.length; i++) if (times[i]! - times[i - 1]! > 0.04) stalls++;
    seconds += r.duration + 0.3;
  }
  const playModel = async (pcm: Float32Array, rate: number, cues: readonly VisemeCue[]) =>
    (await playSentence(ctx, head, pcm, rate, { [AUDIO_MODEL_PATH]: cues }))[AUDIO_MODEL_PATH]!;
  await scoreHeldOutVoices(tts, audioModel, playModel, scores);
  const latency = ctx.outputLatency || ctx.baseLatency || 0;
  await ctx.close();
  tts.dispose();
  const summary = Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, v.summary()]));
  return { summary, latency, fps: frameCount / seconds, stalls };
}

declare global {
  interface Window {
    runLipsync: typeof runLipsync;
  }
}
window.runLipsync = runLipsync;
document.title = 'ready';
