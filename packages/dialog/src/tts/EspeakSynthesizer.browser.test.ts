import dataUrl from '@echogarden/espeak-ng-emscripten/espeak-ng.data?url';
import { describe, expect, it } from 'vitest';
import { EspeakSynthesizer } from './EspeakSynthesizer';

describe('EspeakSynthesizer in the browser', () => {
  it('loads the WASM build and speaks Mandarin with visemes', async () => {
    const tts = await EspeakSynthesizer.create({ data: dataUrl });
    const r = tts.synthesize('您好，欢迎光临');
    expect(r.duration).toBeGreaterThan(0.8);
    expect(r.visemes.some((v) => v.viseme === 'kk')).toBe(true);
    expect(r.words.map((w) => w.text).join('')).toBe('您好欢迎光临');
    tts.dispose();
    expect(() => tts.synthesize('x')).toThrow(/after dispose/);
  });
});
