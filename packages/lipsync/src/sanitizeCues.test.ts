import { describe, expect, it } from 'vitest';
import type { LipsyncWarning } from './LipsyncWarning';
import { sanitizeCues } from './sanitizeCues';

function run(input: readonly unknown[], maxDuration?: number) {
  const warnings: LipsyncWarning[] = [];
  const cues = sanitizeCues(input, {
    onWarning: (w) => warnings.push(w),
    ...(maxDuration === undefined ? {} : { maxDuration }),
  });
  return { cues, codes: warnings.map((w) => w.code), warnings };
}

describe('sanitizeCues', () => {
  it('passes clean cues through untouched and silent', () => {
    const input = [
      { viseme: 'PP', start: 0, end: 0.1 },
      { viseme: 'aa', start: 0.1, end: 0.3, weight: 0.5 },
    ];
    const { cues, codes } = run(input);
    expect(cues).toEqual(input);
    expect(codes).toEqual([]);
  });

  it('drops unknown IDs with a typed warning', () => {
    const { cues, warnings } = run([
      { viseme: 'XX', start: 0, end: 0.1 },
      { viseme: 'aa', start: 0.1, end: 0.2 },
    ]);
    expect(cues.map((c) => c.viseme)).toEqual(['aa']);
    expect(warnings[0]).toMatchObject({ code: 'unknown-viseme', index: 0 });
    expect(warnings[0]!.message.startsWith('DigitalHuman.Lipsync:')).toBe(true);
  });

  it('drops NaN and infinite times, clamps negative ones, drops cues wholly before 0', () => {
    const { cues, codes } = run([
      { viseme: 'aa', start: Number.NaN, end: 0.1 },
      { viseme: 'E', start: -0.5, end: -0.1 },
      { viseme: 'ih', start: -0.05, end: 0.1 },
      { viseme: 'oh', start: 0.1, end: Number.POSITIVE_INFINITY },
    ]);
    expect(cues).toEqual([{ viseme: 'ih', start: 0, end: 0.1 }]);
    expect(codes).toEqual(['invalid-time', 'negative-time', 'negative-time', 'invalid-time']);
  });

  it('sorts out-of-order cues and trims overlaps so each ends where the next starts', () => {
    const { cues, codes } = run([
      { viseme: 'oh', start: 0.3, end: 0.5 },
      { viseme: 'PP', start: 0, end: 0.2 },
      { viseme: 'aa', start: 0.15, end: 0.35 },
    ]);
    expect(cues.map((c) => [c.viseme, c.start, c.end])).toEqual([
      ['PP', 0, 0.15],
      ['aa', 0.15, 0.3],
      ['oh', 0.3, 0.5],
    ]);
    expect(codes).toEqual(['out-of-order', 'overlap', 'overlap']);
  });

  it('swaps inverted times, shortens absurd durations, drops empty cues, clamps weights', () => {
    const { cues, codes } = run(
      [
        { viseme: 'aa', start: 0.2, end: 0.1 },
        { viseme: 'E', start: 0.2, end: 0.2 },
        { viseme: 'ih', start: 0.3, end: 99 },
        { viseme: 'ou', start: 99.5, end: 99.6, weight: 7 },
        { viseme: 'oh', start: 99.7, end: 99.8, weight: Number.NaN },
      ],
      1,
    );
    expect(cues).toEqual([
      { viseme: 'aa', start: 0.1, end: 0.2 },
      { viseme: 'ih', start: 0.3, end: 1.3 },
      { viseme: 'ou', start: 99.5, end: 99.6 },
      { viseme: 'oh', start: 99.7, end: 99.8 },
    ]);
    expect(codes).toEqual(['inverted-time', 'empty-cue', 'absurd-duration', 'bad-weight', 'bad-weight']);
  });

  it('never throws on garbage', () => {
    const garbage = [null, 3, 'x', { viseme: 'aa' }, { viseme: 'aa', start: '0', end: 1 }] as unknown[];
    const { cues, codes } = run(garbage);
    expect(cues).toEqual([]);
    expect(codes).toEqual(['bad-input', 'bad-input', 'bad-input', 'invalid-time', 'invalid-time']);
    expect(sanitizeCues('nope' as unknown as unknown[])).toEqual([]);
  });
});
