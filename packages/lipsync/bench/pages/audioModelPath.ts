// The audio-only path of the Chromium lip-sync bench: the SDK's AudioVisemeModel (real onnxruntime-web, the
// committed model) hears each sentence's PCM in 100 ms chunks, as agent audio arrives ahead of playback, and its
// cues are scheduled like every other path's. Also scores voices the model never trained on (HELD_OUT_VOICES).
// imported up front so Vite pre-bundles onnxruntime-web before the page says 'ready' (the model imports it lazily,
// and a dependency discovered mid-run would make Vite reload the page)
import 'onnxruntime-web/wasm';
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import { type EspeakSynthesizer, toFloat32 } from '../../../dialog/src/tts/index';
import { HELD_OUT_VOICES } from '../../model/corpus';
import type { VisemeCue } from '../../src/index';
import { AudioVisemeModel } from '../../src/model/index';
import { type Frame, Score } from '../score';
import { SENTENCES } from '../sentences';

const modelUrl = new URL('../../model/viseme.onnx', import.meta.url).href;
const CHUNK_SECONDS = 0.1;

/** The path's name in the bench rows. */
export const AUDIO_MODEL_PATH = 'audio-model';

/** The held-out voice of each language (never trained on). */
export const heldOutVoice = (language: 'zh' | 'en'): string =>
  HELD_OUT_VOICES.find((v) => v.language === language)!.voice;

/** Loads the model (throws if it fell back: the bench must score the model, not the fallback). */
export async function loadAudioModel(): Promise<(pcm: Float32Array, rate: number) => Promise<VisemeCue[]>> {
  const model = new AudioVisemeModel({ modelUrl, wasmUrl });
  const fallback: string[] = [];
  model.on('fallback', ({ error }) => fallback.push(error.message));
  if ((await model.load()) !== 'model') throw new Error(`audio model did not load: ${fallback.join('; ')}`);
  return async (pcm, rate) => {
    const stream = model.createStream(rate);
    const cues: VisemeCue[] = [];
    const chunk = Math.round(rate * CHUNK_SECONDS);
    for (let i = 0; i < pcm.length; i += chunk) cues.push(...(await stream.push(pcm.subarray(i, i + chunk))));
    cues.push(...(await stream.end()));
    return cues;
  };
}

/** Plays one sentence with the given cues and returns the sampled mouth (the page's playSentence, one path). */
export type PlayCues = (pcm: Float32Array, rate: number, cues: readonly VisemeCue[]) => Promise<Frame[]>;

/** Speaks every bench sentence in its language's held-out voice and scores the model's path on it. */
export async function scoreHeldOutVoices(
  tts: EspeakSynthesizer,
  analyse: (pcm: Float32Array, rate: number) => Promise<VisemeCue[]>,
  play: PlayCues,
  scores: Record<string, Score>,
): Promise<void> {
  for (const s of SENTENCES) {
    const voice = heldOutVoice(s.language);
    const r = tts.synthesize(s.text, { voice });
    const pcm = toFloat32(r.samples);
    const frames = await play(pcm, r.sampleRate, await analyse(pcm, r.sampleRate));
    const key = `${AUDIO_MODEL_PATH}/${s.language} held-out voice ${voice}`;
    scores[key] ??= new Score();
    scores[key].add(r.visemes, frames);
  }
}
