import { describe, expect, it } from 'vitest';
import {
  copyFaceFrame,
  createFaceFrame,
  EmotionIndex,
  resetFaceFrame,
  VISEME_COUNT,
  VisemeIndex,
} from './FaceFrame';

describe('FaceFrame', () => {
  it('indexes the 15 canonical visemes in a fixed order', () => {
    expect(VISEME_COUNT).toBe(15);
    expect(VisemeIndex.sil).toBe(0);
    expect(VisemeIndex.PP).toBe(1);
    expect(VisemeIndex.ou).toBe(14);
  });

  it('copies and resets in place', () => {
    const a = createFaceFrame(true);
    const b = createFaceFrame(true);
    a.visemes[VisemeIndex.aa] = 0.7;
    a.emotions[EmotionIndex.happy] = 0.4;
    a.headYaw = 0.2;
    a.arkit![3] = 0.9;
    const visemes = b.visemes;
    copyFaceFrame(a, b);
    expect(b.visemes).toBe(visemes);
    expect(b.visemes[VisemeIndex.aa]).toBeCloseTo(0.7);
    expect(b.emotions[EmotionIndex.happy]).toBeCloseTo(0.4);
    expect(b.headYaw).toBe(0.2);
    expect(b.arkit![3]).toBeCloseTo(0.9);
    resetFaceFrame(b);
    expect(Array.from(b.visemes).every((w) => w === 0)).toBe(true);
    expect(b.headYaw).toBe(0);
    expect(b.arkit![3]).toBe(0);
  });
});
