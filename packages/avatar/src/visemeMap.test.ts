import { VISEMES } from '@digital-human/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VISEME_MAP, MOUTH_PRESETS } from './visemeMap';

describe('DEFAULT_VISEME_MAP', () => {
  it('covers every canonical viseme with weights in 0..1 over the mouth presets', () => {
    expect(Object.keys(DEFAULT_VISEME_MAP).sort()).toEqual([...VISEMES].sort());
    for (const viseme of VISEMES) {
      for (const [preset, weight] of Object.entries(DEFAULT_VISEME_MAP[viseme].weights)) {
        expect(MOUTH_PRESETS).toContain(preset);
        expect(weight).toBeGreaterThan(0);
        expect(weight).toBeLessThanOrEqual(1);
      }
    }
  });

  it('maps vowels to their own preset and keeps silence and PP nearly closed', () => {
    expect(DEFAULT_VISEME_MAP.aa.weights.aa).toBe(1);
    expect(DEFAULT_VISEME_MAP.ih.weights.ih).toBe(1);
    expect(DEFAULT_VISEME_MAP.ou.weights.ou).toBe(1);
    expect(DEFAULT_VISEME_MAP.oh.weights.oh).toBe(1);
    expect(DEFAULT_VISEME_MAP.sil.weights).toEqual({});
    const pp = Object.values(DEFAULT_VISEME_MAP.PP.weights).reduce((a, b) => a + b, 0);
    expect(pp).toBeLessThan(0.2);
    expect(DEFAULT_VISEME_MAP.PP.custom).toBe('viseme_PP');
    expect(DEFAULT_VISEME_MAP.FF.custom).toBe('viseme_FF');
  });
});
