import { describe, expect, it } from 'vitest';
import { EscalationPolicy } from './EscalationPolicy';

const negative = { label: 'negative', valence: -0.6, confidence: 0.9 };
const neutral = { label: 'neutral', valence: 0, confidence: 0.9 };

describe('EscalationPolicy', () => {
  it('escalates after a streak of confident negative sentiment, once', () => {
    const p = new EscalationPolicy({ negativeStreak: 3 });
    expect(p.observeSentiment(negative)).toBeNull();
    expect(p.observeSentiment(negative)).toBeNull();
    expect(p.observeSentiment(negative)).toBe('negative_sentiment');
    expect(p.requested).toBe(true);
    expect(p.observeSentiment(negative)).toBeNull();
  });

  it('a neutral sample breaks the streak; unconfident samples are ignored', () => {
    const p = new EscalationPolicy({ negativeStreak: 2 });
    p.observeSentiment(negative);
    p.observeSentiment(neutral);
    expect(p.observeSentiment(negative)).toBeNull();
    expect(p.observeSentiment({ ...negative, confidence: 0.1 })).toBeNull();
    expect(p.observeSentiment(negative)).toBe('negative_sentiment');
  });

  it('escalates after N turns without progress; progress resets; reset re-arms', () => {
    const p = new EscalationPolicy({ turnsWithoutProgress: 2 });
    expect(p.observeTurn(false)).toBeNull();
    expect(p.observeTurn(true)).toBeNull();
    expect(p.observeTurn(false)).toBeNull();
    expect(p.observeTurn(false)).toBe('no_progress');
    p.reset();
    expect(p.requested).toBe(false);
    expect(p.raise('explicit')).toBe('explicit');
    expect(p.raise('complaint')).toBeNull();
  });
});
