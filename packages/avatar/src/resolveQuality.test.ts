import { describe, expect, it } from 'vitest';
import { resolveQuality } from './resolveQuality';

describe('resolveQuality', () => {
  it('maps explicit tiers to pixel-ratio caps, outlines and frame caps', () => {
    expect(resolveQuality('low')).toMatchObject({ maxPixelRatio: 1, outlines: false, maxFps: 30 });
    expect(resolveQuality('medium')).toMatchObject({ maxPixelRatio: 1.5, outlines: true, maxFps: 0 });
    expect(resolveQuality('high')).toMatchObject({ maxPixelRatio: 2, outlines: true });
  });

  it('picks a tier from hardware hints for auto', () => {
    expect(resolveQuality('auto', { deviceMemory: 1, hardwareConcurrency: 8 }).tier).toBe('low');
    expect(resolveQuality('auto', { deviceMemory: 8, hardwareConcurrency: 2 }).tier).toBe('low');
    expect(
      resolveQuality('auto', { deviceMemory: 4, hardwareConcurrency: 8, screenLongSide: 2400 }).tier,
    ).toBe('medium');
    expect(
      resolveQuality('auto', { deviceMemory: 8, hardwareConcurrency: 8, screenLongSide: 1280 }).tier,
    ).toBe('medium');
    expect(
      resolveQuality('auto', { deviceMemory: 8, hardwareConcurrency: 8, screenLongSide: 2560 }).tier,
    ).toBe('high');
  });
});
