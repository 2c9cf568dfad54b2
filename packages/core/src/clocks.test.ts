import { describe, expect, it } from 'vitest';
import { AudioClock } from './AudioClock';
import { DigitalHumanError } from './DigitalHumanError';
import { ManualClock } from './ManualClock';
import { PerformanceClock } from './PerformanceClock';

describe('ManualClock', () => {
  it('moves only when set or advanced', () => {
    const clock = new ManualClock(1);
    expect(clock.now()).toBe(1);
    expect(clock.advance(0.5)).toBe(1.5);
    expect(clock.now()).toBe(1.5);
    clock.set(0.25);
    expect(clock.now()).toBe(0.25);
  });

  it('rejects negative or non-finite steps', () => {
    const clock = new ManualClock();
    expect(() => clock.advance(-1)).toThrow(DigitalHumanError);
    expect(() => clock.advance(Number.NaN)).toThrow(/ManualClock.advance/);
    expect(() => clock.set(Number.POSITIVE_INFINITY)).toThrow(DigitalHumanError);
    expect(clock.now()).toBe(0);
  });
});

describe('PerformanceClock', () => {
  it('converts performance.now() milliseconds to seconds from its creation', () => {
    let ms = 5000;
    const clock = new PerformanceClock({ now: () => ms });
    expect(clock.now()).toBe(0);
    ms += 1500;
    expect(clock.now()).toBeCloseTo(1.5, 9);
  });

  it('uses the global performance by default', () => {
    const clock = new PerformanceClock();
    const t = clock.now();
    expect(t).toBeGreaterThanOrEqual(0);
    expect(t).toBeLessThan(1);
  });
});

describe('AudioClock', () => {
  it('reads currentTime and subtracts the output latency for the audible time', () => {
    const context = { currentTime: 10, outputLatency: 0.12, baseLatency: 0.01 };
    const clock = new AudioClock(context);
    expect(clock.now()).toBe(10);
    expect(clock.latency()).toBe(0.12);
    expect(clock.audibleTime()).toBeCloseTo(9.88, 9);
    expect(clock.playoutTime()).toBe(clock.audibleTime());
    context.currentTime = 11;
    expect(clock.audibleTime()).toBeCloseTo(10.88, 9);
  });

  it('falls back to baseLatency, then to 0, when outputLatency is missing or 0', () => {
    expect(new AudioClock({ currentTime: 2, baseLatency: 0.005 }).audibleTime()).toBeCloseTo(1.995, 9);
    expect(new AudioClock({ currentTime: 2, outputLatency: 0, baseLatency: 0.02 }).latency()).toBe(0.02);
    expect(new AudioClock({ currentTime: 2 }).audibleTime()).toBe(2);
  });

  it('maps a sound scheduled at audio time t to the moment it becomes audible', () => {
    const context = { currentTime: 0, outputLatency: 0.1 };
    const clock = new AudioClock(context);
    const scheduledAt = 1;
    context.currentTime = scheduledAt;
    expect(clock.audibleTime()).toBeLessThan(scheduledAt);
    context.currentTime = scheduledAt + 0.1;
    expect(clock.audibleTime()).toBeCloseTo(scheduledAt, 9);
  });
});
