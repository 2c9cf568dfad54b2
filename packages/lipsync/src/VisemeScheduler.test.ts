import { Channel, createFaceFrame, VISEME_COUNT, VisemeIndex } from '@digital-human/core';
import { describe, expect, it } from 'vitest';
import { dominantViseme } from './adapters/arkit';
import type { LipsyncWarning } from './LipsyncWarning';
import { SpeechDriver } from './SpeechDriver';
import { VisemeScheduler } from './VisemeScheduler';

/** A hand-driven AudioContext stand-in. */
class ManualClock {
  currentTime = 0;
  outputLatency = 0;
}

const out = new Float32Array(VISEME_COUNT);
const BOB = [
  { viseme: 'PP', start: 0, end: 0.08 },
  { viseme: 'aa', start: 0.08, end: 0.25 },
  { viseme: 'PP', start: 0.25, end: 0.32 },
];

function setup(latency = 0) {
  const clock = new ManualClock();
  clock.outputLatency = latency;
  const warnings: LipsyncWarning[] = [];
  const scheduler = new VisemeScheduler({ clock });
  scheduler.on('warning', (w) => warnings.push(w));
  const shows = (t: number) => {
    clock.currentTime = t;
    scheduler.sample(out);
    return dominantViseme(out);
  };
  return { clock, scheduler, warnings, shows };
}

describe('VisemeScheduler', () => {
  it('places cues at the audio start and compensates output latency', () => {
    const { scheduler, shows } = setup(0.05);
    scheduler.schedule(BOB, 10);
    expect(shows(10.1)).toBe('PP'); // heard: 0.05 s into the utterance (aa without the latency)
    expect(shows(10.2)).toBe('aa');
    expect(shows(10.35)).toBe('PP');
    expect(shows(11)).toBe('sil');
  });

  it('keeps chunks that arrive early and joins late chunks mid-way with a warning', () => {
    const { scheduler, shows, clock, warnings } = setup();
    scheduler.beginUtterance(1);
    scheduler.push(BOB.slice(0, 2));
    clock.currentTime = 1.28; // the third cue's audio started 30 ms ago
    const kept = scheduler.push([
      { viseme: 'PP', start: 0.25, end: 0.32 },
      { viseme: 'oh', start: 0.32, end: 0.5 },
    ]);
    expect(kept).toBe(2);
    expect(warnings.map((w) => w.code)).toEqual(['late-chunk']);
    expect(shows(1.29)).toBe('PP');
    expect(shows(1.4)).toBe('oh');
  });

  it('drops chunks entirely in the past', () => {
    const { scheduler, clock, warnings } = setup();
    clock.currentTime = 5;
    expect(scheduler.schedule(BOB, 1)).toBe(0);
    expect(warnings[0]!.code).toBe('late-chunk');
    expect(scheduler.speaking).toBe(false);
  });

  it('interrupt drops the future and shuts the mouth within 100 ms', () => {
    const { scheduler, shows, clock } = setup();
    scheduler.schedule(
      [
        { viseme: 'aa', start: 0, end: 2 },
        { viseme: 'oh', start: 2, end: 3 },
      ],
      0,
    );
    expect(shows(0.5)).toBe('aa');
    scheduler.interrupt();
    clock.currentTime = 0.55;
    scheduler.sample(out);
    expect(out[VisemeIndex.aa]).toBeGreaterThan(0.1);
    expect(out[VisemeIndex.aa]).toBeLessThan(0.5);
    clock.currentTime = 0.6;
    scheduler.sample(out);
    expect(out[VisemeIndex.sil]).toBe(1);
    expect(shows(2.5)).toBe('sil');
    expect(scheduler.cues().at(-1)!.end).toBe(0.5);
  });

  it('pause holds the timeline and resume shifts it by the pause', () => {
    const { scheduler, shows, clock } = setup();
    scheduler.schedule(
      [
        { viseme: 'aa', start: 0, end: 1 },
        { viseme: 'ou', start: 1, end: 1.5 },
      ],
      0,
    );
    expect(shows(0.9)).toBe('aa');
    scheduler.pause();
    expect(shows(1.2)).toBe('sil'); // paused: mouth shut
    clock.currentTime = 3;
    scheduler.resume();
    expect(shows(3.05)).toBe('aa'); // 0.95 of the utterance
    expect(shows(3.2)).toBe('ou'); // 1.1 of the utterance
  });

  it('sanitises pushed cues and reports problems', () => {
    const { scheduler, warnings } = setup();
    scheduler.schedule(
      [
        { viseme: 'ZZ', start: 0, end: 0.1 },
        { viseme: 'aa', start: Number.NaN, end: 1 },
      ],
      0,
    );
    expect(warnings.map((w) => w.code)).toEqual(['unknown-viseme', 'invalid-time']);
  });

  it('writes rest after dispose and refuses new cues', () => {
    const { scheduler } = setup();
    scheduler.dispose();
    expect(scheduler.sample(out)).toBe(0);
    expect(out[VisemeIndex.sil]).toBe(1);
    expect(() => scheduler.push(BOB)).toThrow(/after dispose/);
  });
});

describe('SpeechDriver', () => {
  it('claims the mouth only while speaking', () => {
    const { scheduler, clock } = setup();
    const driver = new SpeechDriver(scheduler);
    const frame = createFaceFrame();
    expect(driver.update(0, 1 / 60, frame)).toBe(0);
    scheduler.schedule(BOB, 0.5);
    clock.currentTime = 0.6;
    expect(driver.update(0, 1 / 60, frame)).toBe(Channel.mouth);
    expect(dominantViseme(frame.visemes)).toBe('aa');
    clock.currentTime = 2;
    expect(driver.update(0, 1 / 60, frame)).toBe(0);
    expect(driver.priority).toBe(50);
  });
});

describe('VisemeScheduler audio clock', () => {
  it("reads the heard time from the context's output timestamp while it runs; a given latency overrides it", () => {
    const context = {
      currentTime: 10,
      outputLatency: 0.05,
      state: 'running',
      getOutputTimestamp: () => ({ contextTime: 9.9, performanceTime: performance.now() - 40 }),
    };
    const scheduler = new VisemeScheduler({ clock: context });
    expect(scheduler.now).toBeGreaterThanOrEqual(9.94);
    expect(scheduler.now).toBeLessThan(9.96);
    expect(new VisemeScheduler({ clock: context, latency: 0.2 }).now).toBeCloseTo(9.8);
    expect(new VisemeScheduler({ clock: { ...context, state: 'suspended' } }).now).toBeCloseTo(9.95);
  });
});
