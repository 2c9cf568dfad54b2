import { ARKIT_COUNT } from '@digital-human/core';
import { describe, expect, it } from 'vitest';
import { ARKIT_BLENDSHAPES, type BlendshapeName, blendshapesFrom } from './blendshapes';
import {
  type ActionUnits,
  type AffectScores,
  actionUnits,
  affectScores,
  arousalOf,
  defaultRest,
  valenceOf,
} from './facsAffect';

const rest = defaultRest(new Float32Array(ARKIT_COUNT));

function score(weights: Partial<Record<BlendshapeName, number>>, restWeights = rest) {
  const au: ActionUnits = {
    au1: 0,
    au2: 0,
    au4: 0,
    au5: 0,
    au6: 0,
    au7: 0,
    au12: 0,
    au15: 0,
    au23: 0,
    au26: 0,
  };
  const s: AffectScores = { happy: 0, sad: 0, angry: 0, surprised: 0 };
  affectScores(actionUnits(blendshapesFrom(weights), restWeights, au), s);
  return { au, s, valence: valenceOf(s), arousal: arousalOf(s) };
}

function top(s: AffectScores): keyof AffectScores {
  return (Object.keys(s) as (keyof AffectScores)[]).reduce((a, b) => (s[b] > s[a] ? b : a));
}

describe('ARKit blendshape order', () => {
  it('has 52 unique names, MediaPipe order then tongueOut', () => {
    expect(ARKIT_BLENDSHAPES).toHaveLength(ARKIT_COUNT);
    expect(new Set(ARKIT_BLENDSHAPES).size).toBe(ARKIT_COUNT);
    expect([...ARKIT_BLENDSHAPES.slice(0, 51)]).toEqual([...ARKIT_BLENDSHAPES.slice(0, 51)].sort());
    expect(ARKIT_BLENDSHAPES[51]).toBe('tongueOut');
  });
});

describe('FACS mapping (absolute values, default rest)', () => {
  it('reads a relaxed face as nothing', () => {
    const { s, valence, arousal } = score({
      browDownLeft: 0.09,
      browDownRight: 0.09,
      eyeSquintLeft: 0.12,
      mouthShrugUpper: 0.09,
    });
    expect(Math.max(s.happy, s.sad, s.angry, s.surprised)).toBeLessThan(0.05);
    expect(Math.abs(valence)).toBeLessThan(0.05);
    expect(arousal).toBeLessThan(0.05);
  });

  it('AU6 + AU12 → happy, positive valence', () => {
    const { s, valence, au } = score({
      mouthSmileLeft: 0.8,
      mouthSmileRight: 0.8,
      cheekSquintLeft: 0.3,
      cheekSquintRight: 0.3,
    });
    expect(au.au12).toBeGreaterThan(0.9);
    expect(au.au6).toBeGreaterThan(0.5);
    expect(top(s)).toBe('happy');
    expect(s.happy).toBeGreaterThan(0.8);
    expect(valence).toBeGreaterThan(0.7);
  });

  it('AU1 + AU4 + AU15 → sad, negative valence, low arousal', () => {
    const { s, valence, arousal } = score({
      browInnerUp: 0.5,
      browDownLeft: 0.3,
      browDownRight: 0.3,
      mouthFrownLeft: 0.3,
      mouthFrownRight: 0.3,
    });
    expect(top(s)).toBe('sad');
    expect(s.sad).toBeGreaterThan(0.5);
    expect(valence).toBeLessThan(-0.3);
    expect(arousal).toBeLessThan(0.5);
  });

  it('AU4 + AU5 + AU7 + AU23 → angry, negative valence, high arousal', () => {
    const { s, valence, arousal } = score({
      browDownLeft: 0.6,
      browDownRight: 0.6,
      eyeWideLeft: 0.3,
      eyeWideRight: 0.3,
      eyeSquintLeft: 0.5,
      eyeSquintRight: 0.5,
      mouthPressLeft: 0.5,
      mouthPressRight: 0.5,
    });
    expect(top(s)).toBe('angry');
    expect(s.angry).toBeGreaterThan(0.6);
    expect(valence).toBeLessThan(-0.5);
    expect(arousal).toBeGreaterThan(0.5);
  });

  it('AU1 + AU2 + AU5 + AU26 → surprised', () => {
    const { s, arousal } = score({
      browInnerUp: 0.6,
      browOuterUpLeft: 0.6,
      browOuterUpRight: 0.6,
      eyeWideLeft: 0.5,
      eyeWideRight: 0.5,
      jawOpen: 0.6,
    });
    expect(top(s)).toBe('surprised');
    expect(s.surprised).toBeGreaterThan(0.6);
    expect(arousal).toBeGreaterThan(0.5);
  });

  it('does not call a smile with squinting eyes angry, nor one stray unit an emotion', () => {
    expect(
      top(score({ mouthSmileLeft: 0.9, mouthSmileRight: 0.9, eyeSquintLeft: 0.5, eyeSquintRight: 0.5 }).s),
    ).toBe('happy');
    const squint = score({ eyeSquintLeft: 0.6, eyeSquintRight: 0.6 }).s;
    expect(Math.max(squint.angry, squint.happy, squint.sad)).toBeLessThan(0.3);
    const mouthOpen = score({ jawOpen: 0.7 }).s;
    expect(mouthOpen.surprised).toBe(0);
  });

  it('subtracts a personal rest: a naturally frowning mouth is not sadness', () => {
    const frownRest = defaultRest(new Float32Array(ARKIT_COUNT));
    frownRest[ARKIT_BLENDSHAPES.indexOf('mouthFrownLeft')] = 0.3;
    frownRest[ARKIT_BLENDSHAPES.indexOf('mouthFrownRight')] = 0.3;
    const face = { mouthFrownLeft: 0.3, mouthFrownRight: 0.3, browDownLeft: 0.2, browDownRight: 0.2 };
    expect(score(face).s.sad).toBeGreaterThan(0.3);
    expect(score(face, frownRest).s.sad).toBeLessThan(0.05);
  });
});
