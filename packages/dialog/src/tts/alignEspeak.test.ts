// Transcript + audio alignment (from @digital-human/lipsync) checked on speech with known timing: espeak-ng's own
// word events. Lives here because the synthesiser is GPL and stays in dialog.
import { alignTranscript } from '@digital-human/lipsync';
import { beforeAll, describe, expect, it } from 'vitest';
import { EspeakSynthesizer, type SynthesisResult, toFloat32 } from './EspeakSynthesizer';

let tts: EspeakSynthesizer;
beforeAll(async () => {
  tts = await EspeakSynthesizer.create();
});

/** Share of aligned spans whose midpoint lies inside the espeak word that contains their text. */
function placed(r: SynthesisResult, spans: { text: string; start: number; end: number }[]): number {
  let cursor = 0;
  let hits = 0;
  for (const s of spans) {
    while (cursor < r.words.length && !r.words[cursor]!.text.includes(s.text)) cursor++;
    const w = r.words[cursor];
    if (!w) break;
    const mid = (s.start + s.end) / 2;
    if (mid >= w.start - 0.02 && mid <= w.end + 0.02) hits++;
    if (w.text.endsWith(s.text)) cursor++;
  }
  return hits / spans.length;
}

describe('alignTranscript on espeak-ng speech', () => {
  it('puts Mandarin characters inside their words', () => {
    for (const voice of ['cmn', 'cmn+f2']) {
      const text = '您好，欢迎光临，请问您要办理什么业务？';
      const r = tts.synthesize(text, { voice });
      const { spans } = alignTranscript(text, toFloat32(r.samples), r.sampleRate);
      expect(spans).toHaveLength(16);
      const share = placed(r, spans);
      console.log(`zh ${voice}: ${(share * 100).toFixed(0)} % of characters inside their word`);
      expect(share).toBeGreaterThan(0.85);
    }
  });

  it('puts English words on their audio', () => {
    const text = 'Good morning, welcome to the bank. How can I help you today?';
    const r = tts.synthesize(text, { voice: 'en-us+f3' });
    const { spans } = alignTranscript(text, toFloat32(r.samples), r.sampleRate);
    expect(spans.map((s) => s.text)).toEqual(r.words.map((w) => w.text));
    const share = placed(r, spans);
    console.log(`en: ${(share * 100).toFixed(0)} % of words inside their espeak word`);
    expect(share).toBeGreaterThan(0.8);
  });
});
