import { describe, expect, it } from 'vitest';
import { LAST_SPAN_STRETCH, PAUSE_STRETCH, speechEnds } from './speechEnds';

const span = (start: number, length: number, nominal: number, finalNominal = nominal) => ({
  start,
  end: start + length,
  nominal,
  finalNominal,
});

describe('speechEnds', () => {
  it('ends a span that carries a pause at its stretched final duration and marks it final', () => {
    // rate 1 (median ratio); the second word runs 0.4 s into a pause
    const spans = [span(0, 0.3, 0.3), span(0.3, 0.7, 0.3, 0.35), span(1, 0.2, 0.2), span(1.2, 0.25, 0.25)];
    const ends = speechEnds(spans);
    expect(ends[0]).toEqual({ end: 0.3, final: false });
    expect(ends[1]!.final).toBe(true);
    expect(ends[1]!.end).toBeCloseTo(0.3 + 0.35 * PAUSE_STRETCH);
    expect(ends[2]).toEqual({ end: 1.2, final: false });
    // the last span ends the phrase; it fits its stretched final duration, so it keeps its end
    expect(ends[3]).toEqual({ end: 1.45, final: true });
  });

  it('lets the last span stretch further (utterance-final lengthening) but not into trailing silence', () => {
    const spans = [span(0, 0.3, 0.3), span(0.3, 0.3, 0.3), span(0.6, 0.3, 0.3), span(0.9, 0.44, 0.3, 0.3)];
    // 1.47 times its nominal: more than PAUSE_STRETCH, within LAST_SPAN_STRETCH
    expect(speechEnds(spans)[3]).toEqual({ end: 1.34, final: true });
    const silent = [...spans.slice(0, 3), span(0.9, 1, 0.3, 0.3)];
    expect(speechEnds(silent)[3]!.end).toBeCloseTo(0.9 + 0.3 * LAST_SPAN_STRETCH);
  });

  it('follows the speaking rate: slow speech is not mistaken for pauses', () => {
    const slow = [span(0, 0.6, 0.3), span(0.6, 0.66, 0.3), span(1.26, 0.54, 0.3), span(1.8, 0.6, 0.3)];
    expect(speechEnds(slow).map((e) => e.end)).toEqual(slow.map((s) => s.end));
  });

  it('takes spans as they are when too few to estimate the rate', () => {
    const two = [span(0, 1, 0.2), span(1, 1, 0.2)];
    expect(speechEnds(two).map((e) => e.end)).toEqual([1, 2]);
    expect(speechEnds([])).toEqual([]);
  });
});
