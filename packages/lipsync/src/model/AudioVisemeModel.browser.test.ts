import type { Viseme } from '@digital-human/core';
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// dev-only: the GPL synthesiser makes the test speech, as in the lip-sync bench
import { EspeakSynthesizer, toFloat32 } from '../../../dialog/src/tts/index';
import type { LipsyncError } from '../LipsyncError';
import type { VisemeCue } from '../VisemeCue';
import { AudioVisemeModel } from './AudioVisemeModel';

const modelUrl = new URL('../../model/viseme.onnx', import.meta.url).href;
const espeakData = new URL(
  '../../../dialog/node_modules/@echogarden/espeak-ng-emscripten/espeak-ng.data',
  import.meta.url,
).href;
const VOWELS: readonly Viseme[] = ['aa', 'E', 'ih', 'oh', 'ou'];
const LEAD = 0.5;

let tts: EspeakSynthesizer;
beforeAll(async () => {
  tts = await EspeakSynthesizer.create({ data: espeakData });
});
afterAll(() => tts.dispose());

/** `LEAD` s of silence, the utterance, 0.3 s of silence; truth shifted to match. */
function speech(text: string, voice: string): { pcm: Float32Array; rate: number; truth: VisemeCue[] } {
  const r = tts.synthesize(text, { voice });
  const pcm = new Float32Array(Math.round((LEAD + r.duration + 0.3) * r.sampleRate));
  pcm.set(toFloat32(r.samples), Math.round(LEAD * r.sampleRate));
  const truth = r.visemes.map((c) => ({ ...c, start: c.start + LEAD, end: c.end + LEAD }));
  return { pcm, rate: r.sampleRate, truth };
}

const at = (cues: readonly VisemeCue[], t: number): Viseme =>
  cues.find((c) => c.start <= t && t < c.end)?.viseme ?? 'sil';

/** Share of 10 ms steps where the cues show the truth's viseme. */
function agreement(cues: readonly VisemeCue[], truth: readonly VisemeCue[], end: number): number {
  let hits = 0;
  let n = 0;
  for (let t = 0; t < end; t += 0.01, n++) if (at(cues, t) === at(truth, t)) hits++;
  return hits / n;
}

describe('AudioVisemeModel (real model, real onnxruntime-web)', () => {
  it('loads in a worker and shows silence as rest and an /a/ vowel as aa', async () => {
    const model = new AudioVisemeModel({ modelUrl, wasmUrl });
    const fallbacks: LipsyncError[] = [];
    model.on('fallback', ({ error }) => fallbacks.push(error));
    const mode = await model.load();
    expect(fallbacks.map((e) => e.message)).toEqual([]);
    expect(mode).toBe('model');
    const { pcm, rate, truth } = speech('啊。', 'cmn+f4');
    const cues = await model.analyze(pcm, rate);
    expect(cues.filter((c) => c.start < LEAD - 0.1)).toEqual([]); // leading silence: no cue at all
    const vowel = truth.find((c) => c.viseme === 'aa')!;
    const middle = (vowel.start + vowel.end) / 2;
    expect(at(cues, middle)).toBe('aa');
    let vowelSteps = 0;
    let steps = 0;
    for (let t = vowel.start + 0.02; t < vowel.end - 0.02; t += 0.01, steps++) {
      if (VOWELS.includes(at(cues, t))) vowelSteps++;
    }
    expect(vowelSteps / steps).toBeGreaterThan(0.8); // the whole vowel reads as a vowel (coarse class)
    expect(cues.filter((c) => c.start > truth.at(-1)!.end + 0.15)).toEqual([]); // trailing silence
    model.dispose();
  });

  it('follows a held-out voice sentence frame by frame, the same when streamed in chunks', async () => {
    const model = new AudioVisemeModel({ modelUrl, wasmUrl });
    await model.load();
    const { pcm, rate, truth } = speech('Would you like to open a savings account?', 'en-us+f4');
    const whole = await model.analyze(pcm, rate);
    const duration = pcm.length / rate;
    expect(agreement(whole, truth, duration)).toBeGreaterThan(0.7);
    const stream = model.createStream(rate);
    const streamed: VisemeCue[] = [];
    const chunk = Math.round(rate * 0.1);
    for (let i = 0; i < pcm.length; i += chunk)
      streamed.push(...(await stream.push(pcm.subarray(i, i + chunk))));
    streamed.push(...(await stream.end()));
    expect(streamed.map((c) => c.viseme)).toEqual(whole.map((c) => c.viseme));
    for (let i = 0; i < whole.length; i++) expect(streamed[i]!.start).toBeCloseTo(whole[i]!.start, 6);
    model.dispose();
  });

  it("falls back to loudness with a 'fallback' event when the model URL is 404", async () => {
    const model = new AudioVisemeModel({
      modelUrl: new URL('./no-such-model.onnx', import.meta.url).href,
      wasmUrl,
    });
    const fallbacks: LipsyncError[] = [];
    model.on('fallback', ({ error }) => fallbacks.push(error));
    expect(await model.load()).toBe('energy');
    expect(fallbacks.map((e) => e.code)).toEqual(['model-load-failed']);
    expect(fallbacks[0]!.message).toMatch(/^DigitalHuman\.Lipsync: .*404/);
    const { pcm, rate, truth } = speech('啊，你好。', 'cmn');
    const cues = await model.analyze(pcm, rate);
    expect(cues.length).toBeGreaterThan(0);
    expect(new Set(cues.map((c) => c.viseme))).toEqual(new Set(['aa']));
    expect(cues[0]!.start).toBeGreaterThan(LEAD - 0.05);
    expect(cues.at(-1)!.end).toBeLessThan(truth.at(-1)!.end + 0.1);
    model.dispose();
  });
});
