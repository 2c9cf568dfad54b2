import { beforeAll, describe, expect, it } from 'vitest';
import { EspeakSynthesizer, toFloat32 } from './EspeakSynthesizer';

let tts: EspeakSynthesizer;
beforeAll(async () => {
  tts = await EspeakSynthesizer.create();
});

describe('EspeakSynthesizer', () => {
  it('speaks English with phoneme timing and visemes on the audio', () => {
    const r = tts.synthesize('Bob paid me.');
    expect(r.sampleRate).toBe(22050);
    expect(r.voice).toBe('en-us');
    expect(r.duration).toBeGreaterThan(0.5);
    expect(r.samples.length).toBe(Math.round(r.duration * r.sampleRate));
    const phones = r.phonemes.filter((p) => p.phoneme).map((p) => p.phoneme);
    expect(phones.slice(0, 3)).toEqual(['b', 'ˈɑː', 'b']);
    const closures = r.visemes.filter((v) => v.viseme === 'PP');
    expect(closures.length).toBeGreaterThanOrEqual(3); // b, b/p, m
    expect(r.words.map((w) => w.text)).toEqual(['Bob', 'paid', 'me']);
    // visemes are sorted, inside the audio
    for (let i = 1; i < r.visemes.length; i++)
      expect(r.visemes[i]!.start).toBeGreaterThanOrEqual(r.visemes[i - 1]!.end);
    expect(r.visemes.at(-1)!.end).toBeLessThanOrEqual(r.duration + 1e-9);
  });

  it('speaks Mandarin with the cmn voice and the audio is loud where the vowels are', () => {
    const r = tts.synthesize('你好，我们银行欢迎您');
    expect(r.voice).toBe('cmn');
    expect(r.words.map((w) => w.text)).toEqual(['你好', '我', '们', '银行', '欢迎', '您']);
    const pcm = toFloat32(r.samples);
    const vowel = r.visemes.find((v) => v.viseme === 'aa')!;
    const silence = r.phonemes.find((p) => p.phoneme === '' && p.end! - p.start > 0.05)!;
    const rms = (a: number, b: number) => {
      let sum = 0;
      const from = Math.floor(a * r.sampleRate);
      const to = Math.floor(b * r.sampleRate);
      for (let i = from; i < to; i++) sum += pcm[i]! ** 2;
      return Math.sqrt(sum / Math.max(1, to - from));
    };
    expect(rms(vowel.start, vowel.end)).toBeGreaterThan(5 * rms(silence.start, silence.end!) + 0.01);
  });

  it('has several voices and speaking rates', () => {
    const a = tts.synthesize('欢迎光临', { voice: 'cmn+f2' });
    const b = tts.synthesize('欢迎光临', { voice: 'cmn', rate: 250 });
    expect(b.duration).toBeLessThan(a.duration);
    const f = tts.synthesize('hello', { voice: 'en-us+f3' });
    expect(f.visemes.length).toBeGreaterThan(2);
    expect(() => tts.synthesize('hi', { voice: 'no-such-voice' })).toThrow(/no voice/);
  });
});
