import { describe, expect, it } from 'vitest';
import {
  createSentimentState,
  type SentimentSummary,
  toSentimentSummary,
  toWireSentiment,
} from './SentimentState';
import { SummaryRateLimiter } from './SummaryRateLimiter';

describe('SummaryRateLimiter', () => {
  it('sends at most one summary per interval while the state keeps changing', () => {
    const sent: SentimentSummary[] = [];
    const limiter = new SummaryRateLimiter((s) => sent.push(s), { intervalMs: 1000 });
    const state = createSentimentState();
    for (let t = 0; t < 5000; t += 33) {
      state.valence = Math.sin(t / 100);
      state.timeMs = t;
      limiter.offer(state, t);
    }
    expect(sent.length).toBeGreaterThanOrEqual(4);
    expect(sent.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < sent.length; i++)
      expect(sent[i]!.timeMs - sent[i - 1]!.timeMs).toBeGreaterThanOrEqual(1000);
  });

  it('stays quiet when nothing changes, except for the heartbeat', () => {
    const sent: SentimentSummary[] = [];
    const limiter = new SummaryRateLimiter((s) => sent.push(s), { intervalMs: 500, heartbeatMs: 3000 });
    const state = createSentimentState();
    for (let t = 0; t <= 6000; t += 50) limiter.offer(state, t);
    expect(sent.map((s) => s.timeMs)).toEqual([0, 0, 0]);
  });

  it('sends a label or presence change at the next allowed moment, and flush() ignores the interval', () => {
    const sent: SentimentSummary[] = [];
    const limiter = new SummaryRateLimiter((s) => sent.push(s), { intervalMs: 1000 });
    const state = createSentimentState();
    limiter.offer(state, 0);
    state.presence = true;
    state.label = 'happy';
    expect(limiter.offer(state, 400)).toBe(false);
    expect(limiter.offer(state, 1000)).toBe(true);
    state.presence = false;
    expect(limiter.flush(state, 1100)).toBe(true);
    expect(sent.map((s) => [s.presence, s.label])).toEqual([
      [false, 'neutral'],
      [true, 'happy'],
      [false, 'happy'],
    ]);
  });

  it('rounds numbers and carries nothing but numbers and labels', () => {
    let summary: SentimentSummary | null = null;
    const limiter = new SummaryRateLimiter((s) => {
      summary = s;
    });
    const state = createSentimentState();
    state.valence = 0.123456;
    state.attention = 0.98765;
    limiter.offer(state, 10);
    expect(summary).toEqual({
      presence: false,
      attention: 0.99,
      valence: 0.12,
      arousal: 0,
      label: 'neutral',
      confidence: 0,
      baseline: false,
      timeMs: 0,
    });
  });

  it('maps summaries onto the coarse wire labels of user.sentiment', () => {
    const state = createSentimentState();
    const wire = (patch: Partial<typeof state>) =>
      toWireSentiment(toSentimentSummary({ ...state, ...patch }));
    expect(wire({ presence: false, label: 'happy', confidence: 0.9 })).toMatchObject({
      label: 'unknown',
      confidence: 0,
    });
    expect(wire({ presence: true, label: 'happy', confidence: 0.9 })).toMatchObject({
      label: 'positive',
      confidence: 0.9,
    });
    expect(wire({ presence: true, label: 'angry' }).label).toBe('negative');
    expect(wire({ presence: true, label: 'sad' }).label).toBe('negative');
    expect(wire({ presence: true, label: 'surprised', valence: 0.1 }).label).toBe('neutral');
    expect(Object.keys(wire({ presence: true })).sort()).toEqual([
      'arousal',
      'attention',
      'confidence',
      'label',
      'presence',
      'valence',
    ]);
  });
});
