import { describe, expect, it } from 'vitest';
import type { LipsyncWarning } from '../LipsyncWarning';
import { azureVisemesToCues } from './azureVisemes';

// "Bob paid." as the Azure Speech SDK reports it: visemeReceived events, audioOffset in 100-ns ticks.
const BOB_PAID = [
  { audioOffset: 500_000, visemeId: 0 },
  { audioOffset: 1_000_000, visemeId: 21 }, // b
  { audioOffset: 1_875_000, visemeId: 2 }, // ɑ
  { audioOffset: 3_125_000, visemeId: 21 }, // b
  { audioOffset: 3_750_000, visemeId: 21 }, // p
  { audioOffset: 4_500_000, visemeId: 4 }, // eɪ (Azure uses 4 for ɛ)
  { audioOffset: 5_875_000, visemeId: 19 }, // d
  { audioOffset: 6_500_000, visemeId: 0 },
];

describe('azureVisemesToCues', () => {
  it('converts ticks to seconds and holds each viseme until the next event', () => {
    const cues = azureVisemesToCues(BOB_PAID, { totalDuration: 0.8 });
    expect(cues.map((c) => c.viseme)).toEqual(['sil', 'PP', 'aa', 'PP', 'E', 'DD', 'sil']);
    expect(cues[1]).toEqual({ viseme: 'PP', start: 0.1, end: 0.1875 });
    // two consecutive bilabials merge into one closure
    expect(cues[3]).toEqual({ viseme: 'PP', start: 0.3125, end: 0.45 });
    expect(cues[6]!.end).toBe(0.8);
  });

  it('splits diphthong IDs into two visemes', () => {
    const cues = azureVisemesToCues([
      { audioOffset: 0, visemeId: 11 }, // aɪ
      { audioOffset: 2_000_000, visemeId: 0 },
    ]);
    expect(cues.map((c) => [c.viseme, c.start, c.end])).toEqual([
      ['aa', 0, 0.12],
      ['ih', 0.12, 0.2],
      ['sil', 0.2, expect.closeTo(0.3)],
    ]);
  });

  it('drops IDs outside 0-21 with a warning', () => {
    const warnings: LipsyncWarning[] = [];
    const cues = azureVisemesToCues(
      [
        { audioOffset: 0, visemeId: 22 },
        { audioOffset: 1_000_000, visemeId: 1.5 },
        { audioOffset: 2_000_000, visemeId: 18 },
      ],
      { onWarning: (w) => warnings.push(w) },
    );
    expect(cues.map((c) => c.viseme)).toEqual(['FF']);
    expect(warnings.map((w) => [w.code, w.index])).toEqual([
      ['unknown-viseme', 0],
      ['unknown-viseme', 1],
    ]);
  });
});
