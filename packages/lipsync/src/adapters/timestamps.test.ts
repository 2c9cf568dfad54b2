import { describe, expect, it } from 'vitest';
import type { LipsyncWarning } from '../LipsyncWarning';
import { alibabaToCues, charactersToWords, elevenLabsToCues, tencentToCues } from './timestamps';

// ElevenLabs /with-timestamps response `alignment` for "Hi 3%" (as documented: per-character seconds).
const HI = {
  characters: ['H', 'i', ' ', '3', '%'],
  character_start_times_seconds: [0, 0.07, 0.16, 0.21, 0.45],
  character_end_times_seconds: [0.07, 0.16, 0.21, 0.45, 0.9],
};

describe('ElevenLabs alignment', () => {
  it('groups characters into words and reads numbers inside their span', () => {
    expect(
      charactersToWords(HI.characters, HI.character_start_times_seconds, HI.character_end_times_seconds),
    ).toEqual([
      { text: 'Hi', start: 0, end: 0.16 },
      { text: '3%', start: 0.21, end: 0.9 },
    ]);
    const cues = elevenLabsToCues(HI);
    expect(cues[0]).toMatchObject({ viseme: 'kk', start: 0 });
    // "three percent" fills 0.21..0.9: TH first, ends with DD of "percent"
    const number = cues.filter((c) => c.start >= 0.21 - 1e-9);
    expect(number[0]!.viseme).toBe('TH');
    expect(number.some((c) => c.viseme === 'PP')).toBe(true);
    expect(number[number.length - 1]!.end).toBeCloseTo(0.9);
  });

  it('times each Han character on its own', () => {
    const cues = elevenLabsToCues({
      characters: ['你', '好', '吗'],
      character_start_times_seconds: [0, 0.2, 0.45],
      character_end_times_seconds: [0.2, 0.45, 0.7],
    });
    const ma = cues.filter((c) => c.start >= 0.45);
    expect(ma.map((c) => c.viseme)).toEqual(['PP', 'aa']);
  });

  it('warns about mismatched arrays', () => {
    const warnings: LipsyncWarning[] = [];
    const cues = elevenLabsToCues(
      { characters: ['a'], character_start_times_seconds: [], character_end_times_seconds: [0.1] },
      (w) => warnings.push(w),
    );
    expect(cues).toEqual([]);
    expect(warnings[0]!.code).toBe('bad-input');
  });
});

describe('Alibaba and Tencent subtitles', () => {
  it('reads Alibaba word timestamps in ms', () => {
    const sentence = {
      begin_time: 0,
      end_time: 760,
      words: [
        { text: '欢', begin_time: 120, end_time: 320 },
        { text: '迎', begin_time: 320, end_time: 560 },
        { text: '您', begin_time: 560, end_time: 760 },
      ],
    };
    const cues = alibabaToCues({ sentence });
    expect(cues[0]).toMatchObject({ viseme: 'kk', start: 0.12 });
    expect(cues.find((c) => c.viseme === 'nn' && c.start >= 0.56)?.start).toBeCloseTo(0.56);
    expect(cues[cues.length - 1]!.end).toBeCloseTo(0.76);
  });

  it("uses Tencent's pinyin when given", () => {
    const cues = tencentToCues([
      { Text: '行', BeginTime: 0, EndTime: 250, BeginIndex: 0, EndIndex: 1, Phoneme: 'xing2' },
      { Text: 'OK', BeginTime: 300, EndTime: 600, BeginIndex: 1, EndIndex: 3, Phoneme: null },
    ]);
    expect(cues.filter((c) => c.end <= 0.25 + 1e-9).map((c) => c.viseme)).toEqual(['CH', 'ih', 'kk']);
    expect(cues.filter((c) => c.start >= 0.3).map((c) => c.viseme)).toEqual(['oh', 'ou', 'kk', 'E', 'ih']);
  });
});
