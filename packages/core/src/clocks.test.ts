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

  describe('with an output timestamp (a running AudioContext)', () => {
    // a context whose currentTime moves in 20 ms callbacks while the device plays smoothly 30 ms behind
    function steppedContext() {
      const perf = { ms: 1000, now: () => perf.ms };
      const context = {
        state: 'running',
        outputLatency: 0.03,
        get currentTime() {
          return Math.floor(perf.ms / 20) * 0.02 + 0.02;
        },
        getOutputTimestamp: () => ({
          contextTime: Math.floor(perf.ms / 10) * 0.01 - 0.03,
          performanceTime: Math.floor(perf.ms / 10) * 10,
        }),
      };
      return { perf, context, clock: new AudioClock(context, perf) };
    }

    it('moves smoothly between audio callbacks, at the time the device reports', () => {
      const { perf, clock } = steppedContext();
      const heard: number[] = [];
      for (let i = 0; i < 6; i++, perf.ms += 16.7) heard.push(clock.audibleTime());
      // every frame 16.7 ms further, though currentTime - latency repeats and jumps
      for (let i = 1; i < heard.length; i++) expect((heard[i]! - heard[i - 1]!) * 1000).toBeCloseTo(16.7, 6);
      expect(heard[0]).toBeCloseTo(1 - 0.03, 9);
    });

    it('falls back to currentTime - latency when suspended, without a timestamp, or with an implausible one', () => {
      const { context, perf } = steppedContext();
      const stepped = context.currentTime - 0.03;
      expect(
        new AudioClock(
          { ...context, currentTime: context.currentTime, state: 'suspended' },
          perf,
        ).audibleTime(),
      ).toBeCloseTo(stepped, 9);
      const zero = {
        currentTime: context.currentTime,
        outputLatency: 0.03,
        state: 'running',
        getOutputTimestamp: () => ({ contextTime: 0, performanceTime: 0 }),
      };
      expect(new AudioClock(zero, perf).audibleTime()).toBeCloseTo(stepped, 9);
      // a timestamp from long ago (the device stalled): extrapolating it would run 5 s ahead
      const stale = {
        ...zero,
        getOutputTimestamp: () => ({ contextTime: 0.5, performanceTime: perf.ms - 5500 }),
      };
      expect(new AudioClock(stale, perf).audibleTime()).toBeCloseTo(stepped, 9);
      expect(new AudioClock(zero, undefined).audibleTime()).toBeCloseTo(stepped, 9);
    });

    it('never runs ahead of what has been rendered', () => {
      const perf = { now: () => 1000 };
      const context = {
        currentTime: 1,
        outputLatency: 0.01,
        state: 'running',
        getOutputTimestamp: () => ({ contextTime: 0.99, performanceTime: 960 }),
      };
      expect(new AudioClock(context, perf).audibleTime()).toBe(1);
    });
  });
});
