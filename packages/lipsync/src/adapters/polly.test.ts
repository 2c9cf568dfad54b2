import { describe, expect, it } from 'vitest';
import type { LipsyncWarning } from '../LipsyncWarning';
import { pollyMarksToCues } from './polly';

// Polly `SpeechMarkTypes: ['word', 'viseme']` output for "Mary" (en-US), JSON lines as returned.
const MARY = `{"time":6,"type":"word","start":0,"end":4,"value":"Mary"}
{"time":6,"type":"viseme","value":"p"}
{"time":73,"type":"viseme","value":"E"}
{"time":180,"type":"viseme","value":"r"}
{"time":292,"type":"viseme","value":"i"}
{"time":407,"type":"viseme","value":"sil"}
`;

// cmn-CN (Zhiyu) for 请 (qǐng): Polly's Mandarin alveolo-palatal viseme `J`.
const QING = [
  { time: 0, type: 'sentence', start: 0, end: 3, value: '请' },
  { time: 37, type: 'viseme', value: 'J' },
  { time: 142, type: 'viseme', value: 'i' },
  { time: 265, type: 'viseme', value: 'k' },
  { time: 330, type: 'viseme', value: 'sil' },
];

describe('pollyMarksToCues', () => {
  it('parses JSON lines, ignores word marks and converts ms to seconds', () => {
    const cues = pollyMarksToCues(MARY, { totalDuration: 0.5 });
    expect(cues).toEqual([
      { viseme: 'PP', start: 0.006, end: 0.073 },
      { viseme: 'E', start: 0.073, end: 0.18 },
      { viseme: 'RR', start: 0.18, end: 0.292 },
      { viseme: 'ih', start: 0.292, end: 0.407 },
      { viseme: 'sil', start: 0.407, end: 0.5 },
    ]);
  });

  it('reads the Mandarin J viseme', () => {
    expect(pollyMarksToCues(QING).map((c) => c.viseme)).toEqual(['CH', 'ih', 'kk', 'sil']);
  });

  it('skips bad lines and unknown values with warnings', () => {
    const warnings: LipsyncWarning[] = [];
    const text =
      '{"time":0,"type":"viseme","value":"p"}\nnot json\n{"time":50,"type":"viseme","value":"Q"}\n';
    const cues = pollyMarksToCues(text, { onWarning: (w) => warnings.push(w) });
    expect(cues.map((c) => c.viseme)).toEqual(['PP']);
    expect(warnings.map((w) => w.code)).toEqual(['bad-input', 'unknown-viseme']);
  });
});
