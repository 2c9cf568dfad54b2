import { describe, expect, it } from 'vitest';
import type { LipsyncWarning } from '../LipsyncWarning';
import { arpabetToVisemes, ipaToVisemes, phonemesToCues } from './phonemes';

const names = (parts: { viseme: string }[]) => parts.map((p) => p.viseme);

describe('ipaToVisemes', () => {
  it('maps consonant classes, stress and length marks ignored', () => {
    expect(names(ipaToVisemes('p'))).toEqual(['PP']);
    expect(names(ipaToVisemes('ˈɑː'))).toEqual(['aa']);
    expect(names(ipaToVisemes('tʃ'))).toEqual(['CH']);
    expect(names(ipaToVisemes('θ'))).toEqual(['TH']);
    expect(names(ipaToVisemes('ɹ'))).toEqual(['RR']);
    expect(names(ipaToVisemes('v'))).toEqual(['FF']);
  });

  it('splits diphthongs and triphthongs, giving glides less time', () => {
    const ai = ipaToVisemes('ˈaɪ');
    expect(names(ai)).toEqual(['aa', 'ih']);
    expect(ai[0]!.share).toBeCloseTo(2 / 3);
    expect(names(ipaToVisemes('iɑu'))).toEqual(['ih', 'aa', 'ou']);
  });

  it("reads espeak-ng's Mandarin spellings (retroflex dots, aspiration, ng)", () => {
    expect(names(ipaToVisemes('ts.h'))).toEqual(['CH']);
    expect(names(ipaToVisemes('tsh'))).toEqual(['SS']);
    expect(names(ipaToVisemes('ˈi.'))).toEqual(['ih']);
    expect(names(ipaToVisemes('kh'))).toEqual(['kk']);
    expect(names(ipaToVisemes('tɕh'))).toEqual(['CH']);
    expect(names(ipaToVisemes('ˈonɡ'))).toEqual(['oh', 'kk']);
    expect(names(ipaToVisemes('ʐ'))).toEqual(['RR']);
    expect(names(ipaToVisemes('ˈi̪'))).toEqual(['ih']);
    // 喝 hē: espeak writes the unrounded ɤ as o-; lips spread like pinyin e, not rounded like o
    expect(names(ipaToVisemes('ˈo-'))).toEqual(names(ipaToVisemes('ɤ')));
    expect(names(ipaToVisemes('ˈo-'))).toEqual(['E']);
    expect(names(ipaToVisemes('o'))).toEqual(['oh']);
  });

  it('treats empty phones as silence and unknown ones as nothing', () => {
    expect(names(ipaToVisemes(''))).toEqual(['sil']);
    expect(ipaToVisemes('☃')).toEqual([]);
  });
});

describe('arpabetToVisemes', () => {
  it('strips stress, keeps schwa distinct, splits diphthongs', () => {
    expect(names(arpabetToVisemes('M'))).toEqual(['PP']);
    expect(names(arpabetToVisemes('AH1'))).toEqual(['aa']);
    expect(names(arpabetToVisemes('AH0'))).toEqual(['E']);
    expect(names(arpabetToVisemes('OW1'))).toEqual(['oh', 'ou']);
    expect(names(arpabetToVisemes('hh'))).toEqual(['kk']);
    expect(arpabetToVisemes('QQ')).toEqual([]);
  });
});

describe('phonemesToCues', () => {
  it('turns Montreal-Forced-Aligner style ARPAbet intervals into cues ("bob")', () => {
    const cues = phonemesToCues(
      [
        { phoneme: 'B', start: 0.1, end: 0.18 },
        { phoneme: 'AA1', start: 0.18, end: 0.32 },
        { phoneme: 'B', start: 0.32, end: 0.4 },
        { phoneme: 'sil', start: 0.4, end: 0.6 },
      ],
      { alphabet: 'arpabet' },
    );
    expect(cues).toEqual([
      { viseme: 'PP', start: 0.1, end: 0.18 },
      { viseme: 'aa', start: 0.18, end: 0.32 },
      { viseme: 'PP', start: 0.32, end: 0.4 },
      { viseme: 'sil', start: 0.4, end: 0.6 },
    ]);
  });

  it('runs an IPA phone without an end to the next onset and splits its diphthong', () => {
    const cues = phonemesToCues([
      { phoneme: 'h', start: 0 },
      { phoneme: 'ˈaɪ', start: 0.1, duration: 0.3 },
    ]);
    expect(cues.map((c) => c.viseme)).toEqual(['kk', 'aa', 'ih']);
    expect(cues[0]!.end).toBe(0.1);
    expect(cues[1]!.end).toBeCloseTo(0.3);
    expect(cues[2]!.end).toBeCloseTo(0.4);
  });

  it('warns about unknown phones and skips them', () => {
    const warnings: LipsyncWarning[] = [];
    const cues = phonemesToCues(
      [
        { phoneme: '☃', start: 0, end: 0.1 },
        { phoneme: 'm', start: 0.1, end: 0.2 },
      ],
      { onWarning: (w) => warnings.push(w) },
    );
    expect(cues).toEqual([{ viseme: 'PP', start: 0.1, end: 0.2 }]);
    expect(warnings.map((w) => w.code)).toEqual(['unknown-viseme']);
  });
});
