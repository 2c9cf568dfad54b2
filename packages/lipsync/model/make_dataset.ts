// Builds the audio→viseme training set: espeak-ng (dev-only, GPL, from @digital-human/dialog) speaks random
// Mandarin and English text in several voices, rates and pitches; every 10 ms frame is labelled with the canonical
// viseme espeak's own phoneme events put there (the same ground truth the lip-sync bench scores against).
// Audio is resampled to 16 kHz with the SDK's own Resampler so training sees what inference sees.
// Run: npx tsx packages/lipsync/model/make_dataset.ts [utterancesPerVoice=150] [seed=1] [voice,voice,… (only these)]
// Writes $VISEME_DATA (default: <tmpdir>/lipsync-viseme-data)/{audio.i16,labels.u8,index.json} and the feature
// parity reference's audio (features.ref.json, committed; train.py adds the numpy features).
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VisemeIndex } from '@digital-human/core';
import { EspeakSynthesizer, toFloat32 } from '../../dialog/src/tts/index';
import { labelAt } from '../bench/score';
import { SENTENCES } from '../bench/sentences';
import { TRAINING_SENTENCES } from '../bench/trainingSentences';
import { FEATURE_SAMPLE_RATE, FRAME_HOP, frameCount, frameTime } from '../src/model/logMel';
import { Resampler } from '../src/model/Resampler';
import { EN_EXTRA_WORDS, HELD_OUT_VOICES, TRAIN_VOICES, ZH_CHARACTERS } from './corpus';

const here = dirname(fileURLToPath(import.meta.url));
const perVoice = Number(process.argv[2] ?? 150);
let seed = Number(process.argv[3] ?? 1);
const random = () => {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const benchTexts = new Set(SENTENCES.map((s) => s.text));
const enWords = [
  ...new Set(
    [
      ...TRAINING_SENTENCES.join(' ')
        .toLowerCase()
        .split(/[^a-z']+/),
      ...EN_EXTRA_WORDS,
    ].filter(Boolean),
  ),
];
const zhChars = Array.from(ZH_CHARACTERS);

function zhText(): string {
  const parts: string[] = [];
  const clauses = 1 + Math.floor(random() * 3);
  for (let c = 0; c < clauses; c++) {
    const n = 3 + Math.floor(random() * 8);
    parts.push(Array.from({ length: n }, () => pick(zhChars)).join(''));
  }
  return `${parts.join('，')}${pick(['。', '？', '！'])}`;
}

function enText(): string {
  if (random() < 0.3) return pick(TRAINING_SENTENCES);
  const n = 4 + Math.floor(random() * 9);
  const words = Array.from({ length: n }, () => pick(enWords));
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}${pick(['.', '?', ','])}`;
}

interface Item {
  voice: string;
  language: 'zh' | 'en';
  split: 'train' | 'heldout';
  text: string;
  rate: number;
  pitch: number;
  audioOffset: number;
  samples: number;
  frameOffset: number;
  frames: number;
}

const tts = await EspeakSynthesizer.create();
const audio: Int16Array[] = [];
const labels: Uint8Array[] = [];
const items: Item[] = [];
let audioOffset = 0;
let frameOffset = 0;
const only = process.argv[4]?.split(',');
const jobs = [
  ...TRAIN_VOICES.map((v) => ({ ...v, split: 'train' as const, count: perVoice })),
  ...HELD_OUT_VOICES.map((v) => ({ ...v, split: 'heldout' as const, count: Math.ceil(perVoice / 4) })),
].filter((job) => !only || only.includes(job.voice));
for (const job of jobs) {
  for (let i = 0; i < job.count; i++) {
    let text = job.language === 'zh' ? zhText() : enText();
    while (benchTexts.has(text)) text = job.language === 'zh' ? zhText() : enText();
    const rate = Math.round(135 + random() * 80);
    const pitch = Math.round(25 + random() * 50);
    const r = tts.synthesize(text, { voice: job.voice, rate, pitch });
    const pcm = Resampler.all(toFloat32(r.samples), r.sampleRate, FEATURE_SAMPLE_RATE);
    const frames = frameCount(pcm.length);
    const frameLabels = new Uint8Array(frames);
    for (let f = 0; f < frames; f++) frameLabels[f] = VisemeIndex[labelAt(r.visemes, frameTime(f))];
    audio.push(Int16Array.from(pcm, (x) => Math.max(-32768, Math.min(32767, Math.round(x * 32767)))));
    labels.push(frameLabels);
    items.push({ ...job, text, rate, pitch, audioOffset, samples: pcm.length, frameOffset, frames });
    audioOffset += pcm.length;
    frameOffset += frames;
  }
  process.stderr.write(`${job.voice}: ${job.count} utterances\n`);
}

const out = process.env.VISEME_DATA ?? join(tmpdir(), 'lipsync-viseme-data');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'audio.i16'), concat(audio));
writeFileSync(join(out, 'labels.u8'), concat(labels));
writeFileSync(join(out, 'index.json'), JSON.stringify({ sampleRate: FEATURE_SAMPLE_RATE, items }, null, 1));

// The parity reference: 0.2 s of speech at 16 kHz; train.py adds its numpy features, the unit test compares
// them with the TypeScript extractor's.
const ref = tts.synthesize('银行。Bank.', { voice: 'cmn' });
const refPcm = Resampler.all(toFloat32(ref.samples), ref.sampleRate, FEATURE_SAMPLE_RATE).subarray(
  3 * FRAME_HOP,
  3 * FRAME_HOP + 3200,
);
writeFileSync(join(here, 'features.ref.json'), `${JSON.stringify({ pcm: Array.from(refPcm) })}\n`);
tts.dispose();
process.stderr.write(
  `${items.length} utterances, ${(audioOffset / FEATURE_SAMPLE_RATE).toFixed(0)} s, ${frameOffset} frames\n`,
);

function concat<T extends Int16Array | Uint8Array>(parts: readonly T[]): Uint8Array {
  const bytes = parts.reduce((n, p) => n + p.byteLength, 0);
  const out = new Uint8Array(bytes);
  let at = 0;
  for (const p of parts) {
    out.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), at);
    at += p.byteLength;
  }
  return out;
}
