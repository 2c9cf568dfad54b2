import { describe, expect, it } from 'vitest';
import { type BlendshapeName, blendshapesFrom } from './blendshapes';
import { createFaceSample, type FaceSample } from './FaceSample';
import { SentimentEstimator } from './SentimentEstimator';

type Face = Partial<Record<BlendshapeName, number>> | null;
const NEUTRAL: Face = { browDownLeft: 0.08, browDownRight: 0.08, eyeSquintLeft: 0.1, eyeSquintRight: 0.1 };
const SMILE: Face = { mouthSmileLeft: 0.85, mouthSmileRight: 0.85, eyeSquintLeft: 0.3, eyeSquintRight: 0.3 };
const _ANGRY: Face = {
  browDownLeft: 0.6,
  browDownRight: 0.6,
  eyeSquintLeft: 0.5,
  eyeSquintRight: 0.5,
  mouthPressLeft: 0.5,
  mouthPressRight: 0.5,
};

const sample: FaceSample = createFaceSample();
function feed(est: SentimentEstimator, face: Face, fromMs: number, toMs: number, stepMs = 66) {
  for (let t = fromMs; t < toMs; t += stepMs) {
    sample.present = face !== null;
    if (face) blendshapesFrom(face, sample.blendshapes);
    sample.timeMs = t;
    est.update(sample);
  }
  return est.state;
}

describe('SentimentEstimator', () => {
  it('smooths exponentially: one frame of a smile moves the score only part of the way', () => {
    const est = new SentimentEstimator({ smoothingMs: 150, baseline: false });
    feed(est, NEUTRAL, 0, 500);
    const before = est.state.scores.happy;
    feed(est, SMILE, 500, 566);
    const one = est.state.scores.happy;
    feed(est, SMILE, 566, 1200);
    const settled = est.state.scores.happy;
    expect(before).toBeLessThan(0.05);
    expect(one).toBeGreaterThan(before);
    expect(one).toBeLessThan(settled * 0.6);
    expect(settled).toBeGreaterThan(0.7);
  });

  it('switches the label within 300 ms of an expression change (15 fps)', () => {
    const est = new SentimentEstimator({ baseline: false });
    feed(est, NEUTRAL, 0, 1000);
    expect(est.state.label).toBe('neutral');
    let changedAt = -1;
    est.on('label', (s) => {
      if (changedAt < 0) changedAt = s.timeMs;
    });
    feed(est, SMILE, 1000, 2000);
    expect(est.state.label).toBe('happy');
    expect(changedAt - 1000).toBeLessThanOrEqual(300);
    expect(est.state.valence).toBeGreaterThan(0.5);
    expect(est.state.confidence).toBeGreaterThan(0.5);
  });

  it('keeps presence through short gaps and reports arrival and departure once (hysteresis)', () => {
    const est = new SentimentEstimator({ presence: { arriveMs: 300, leaveMs: 1500 } });
    const events: string[] = [];
    est.on('arrived', () => events.push('arrived'));
    est.on('left', () => events.push('left'));
    feed(est, NEUTRAL, 0, 200); // a glimpse: too short
    feed(est, null, 200, 400);
    expect(est.state.presence).toBe(false);
    feed(est, NEUTRAL, 400, 1000);
    expect(est.state.presence).toBe(true);
    feed(est, null, 1000, 2000); // looks away for a second
    feed(est, NEUTRAL, 2000, 2500);
    expect(est.state.presence).toBe(true);
    feed(est, null, 2500, 4500);
    expect(est.state.presence).toBe(false);
    expect(events).toEqual(['arrived', 'left']);
  });

  it('measures a personal baseline from the first seconds and subtracts it', () => {
    // This person's resting face has lowered brows and pressed lips: absolute values look a little angry.
    const grumpyRest: Face = {
      browDownLeft: 0.3,
      browDownRight: 0.3,
      mouthPressLeft: 0.3,
      mouthPressRight: 0.3,
    };
    const absolute = new SentimentEstimator({ baseline: false });
    const personal = new SentimentEstimator({ baseline: { durationMs: 2000 } });
    feed(absolute, grumpyRest, 0, 4000);
    feed(personal, grumpyRest, 0, 4000);
    expect(absolute.state.scores.angry).toBeGreaterThan(0.2);
    expect(personal.state.baselineReady).toBe(true);
    expect(personal.state.scores.angry).toBeLessThan(0.05);
    expect(personal.state.label).toBe('neutral');
  });

  it('does not take a strong expression into the baseline', () => {
    const est = new SentimentEstimator({ baseline: { durationMs: 1000 } });
    feed(est, SMILE, 0, 3000);
    expect(est.state.baselineReady).toBe(false);
    expect(est.state.label).toBe('happy');
  });

  it('reports attention from head pose and eyes', () => {
    const est = new SentimentEstimator();
    feed(est, NEUTRAL, 0, 600);
    expect(est.state.attention).toBeGreaterThan(0.9);
    sample.headYaw = 0.9; // turned away
    feed(est, NEUTRAL, 600, 1500);
    expect(est.state.attention).toBeLessThan(0.1);
    sample.headYaw = 0;
  });

  it('end() reports the person leaving and resets', () => {
    const est = new SentimentEstimator();
    let left = 0;
    est.on('left', () => left++);
    feed(est, SMILE, 0, 1000);
    est.end();
    expect(left).toBe(1);
    expect(est.state.presence).toBe(false);
    expect(est.state.label).toBe('neutral');
    expect(est.state.scores.happy).toBe(0);
  });
});
