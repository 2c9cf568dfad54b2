import { createOperatorFaceFrame, type OperatorFaceFrame } from '@digital-human/protocol';
import { describe, expect, it } from 'vitest';
import { ArkitIndex } from './arkit';
import { PuppetDriverBuffer } from './PuppetDriverBuffer';
import { PUPPET_POSE_SIZE, PuppetPoseIndex } from './puppetDriverMapping';

const JAW = ArkitIndex.jawOpen;
const DT = 1 / 60;

/** A frame captured at `ms` (sender clock) whose jaw is `ms / 1000` (a ramp) and head yaw the same. */
function frame(seq: number, ms: number): OperatorFaceFrame {
  const f = createOperatorFaceFrame();
  f.seq = seq;
  f.timestampMs = ms >>> 0;
  f.blendshapes[JAW] = (ms % 1000) / 1000;
  f.headYaw = (ms % 1000) / 1000;
  return f;
}

/** Samples at 60 fps from `from` to `to` seconds, returning the jaw values. */
function sampleRun(buffer: PuppetDriverBuffer, from: number, to: number): number[] {
  const pose = new Float32Array(PUPPET_POSE_SIZE);
  const jaws: number[] = [];
  for (let t = from; t < to; t += DT) {
    buffer.sample(t, DT, pose);
    jaws.push(pose[JAW]!);
  }
  return jaws;
}

describe('PuppetDriverBuffer', () => {
  it('interpolates between frames, one delay behind the sender', () => {
    const buffer = new PuppetDriverBuffer();
    // 30 Hz ramp, constant 20 ms transit: sender time 0 arrives at local 10.02.
    for (let k = 0; k < 15; k++) buffer.push(frame(k, k * 33), 10.02 + k * 0.033);
    const pose = new Float32Array(PUPPET_POSE_SIZE);
    const state = buffer.sample(10.3, DT, pose);
    expect(state).toBe('live');
    // The jaw ramp equals the sender time: the sample shows sender time now - transit - delay.
    const shown = 10.3 - 10.02 - buffer.delay;
    expect(pose[JAW]).toBeCloseTo(shown, 3);
    expect(pose[PuppetPoseIndex.headYaw]).toBeCloseTo(shown, 3);
    expect(buffer.delay).toBeGreaterThanOrEqual(0.06);
    expect(buffer.delay).toBeLessThanOrEqual(0.1);
  });

  it('plays pairs of swapped frames in capture order: no step backwards, only a little more delay', () => {
    const inOrder = new PuppetDriverBuffer();
    const swapped = new PuppetDriverBuffer();
    const frames = Array.from({ length: 30 }, (_, k) => frame(k, k * 33));
    const arrival = (k: number) => 5.02 + k * 0.033;
    for (let k = 0; k < 30; k++) inOrder.push(frames[k]!, arrival(k));
    for (let k = 0; k < 30; k++) expect(swapped.push(frames[k ^ 1]!, arrival(k))).toBe('accepted');
    const a = sampleRun(inOrder, 5.2, 5.9);
    const b = sampleRun(swapped, 5.2, 5.9);
    for (let i = 1; i < b.length; i++) expect(b[i]!).toBeGreaterThanOrEqual(b[i - 1]!);
    expect(b.at(-1)).toBeGreaterThan(b[0]! + 0.5); // the ramp really moved
    // The ramp is the sender time: the swapped stream lags by at most the extra delay the reordering asked for.
    let lag = 0;
    for (let i = 0; i < a.length; i++) lag = Math.max(lag, a[i]! - b[i]!);
    expect(lag).toBeLessThanOrEqual(0.04);
    expect(swapped.delay).toBeLessThanOrEqual(0.1);
  });

  it('drops duplicates and frames older than the playout position', () => {
    const buffer = new PuppetDriverBuffer();
    expect(buffer.push(frame(0, 0), 1)).toBe('accepted');
    expect(buffer.push(frame(0, 0), 1.001)).toBe('duplicate');
    expect(buffer.push(frame(1, 33), 1.033)).toBe('accepted');
    buffer.sample(1.2, DT, new Float32Array(PUPPET_POSE_SIZE));
    expect(buffer.push(frame(2, 66), 1.21)).toBe('late');
    expect(buffer.size).toBeLessThanOrEqual(2);
  });

  it('raises its delay with jitter, within 60..100 ms', () => {
    const calm = new PuppetDriverBuffer();
    const rough = new PuppetDriverBuffer();
    let x = 1;
    for (let k = 0; k < 60; k++) {
      x = (x * 16807) % 2147483647;
      calm.push(frame(k, k * 33), 1 + k * 0.033);
      rough.push(frame(k, k * 33), 1 + k * 0.033 + (x / 2147483647) * 0.05);
    }
    expect(calm.delay).toBeCloseTo(0.06, 2);
    expect(rough.delay).toBeGreaterThan(calm.delay + 0.02);
    expect(rough.delay).toBeLessThanOrEqual(0.1);
    expect(rough.jitter).toBeGreaterThan(calm.jitter);
  });

  it('coasts to a stop after the last frame, then reports lost', () => {
    const buffer = new PuppetDriverBuffer({ holdTime: 0.25 });
    for (let k = 0; k < 10; k++) buffer.push(frame(k, k * 33), 2 + k * 0.033);
    const pose = new Float32Array(PUPPET_POSE_SIZE);
    const states: string[] = [];
    const jaws: number[] = [];
    for (let t = 2.3; t < 3; t += DT) {
      states.push(buffer.sample(t, DT, pose));
      jaws.push(pose[JAW]!);
    }
    expect(states).toContain('holding');
    expect(states.at(-1)).toBe('lost');
    const last = 9 * 0.033;
    // It moved on past the last frame (it did not freeze) but stopped within a few frames' worth of motion.
    expect(Math.max(...jaws)).toBeGreaterThan(last + 0.01);
    expect(Math.max(...jaws)).toBeLessThan(last + 0.07);
    for (let i = 1; i < jaws.length; i++) expect(Math.abs(jaws[i]! - jaws[i - 1]!)).toBeLessThan(0.03);
  });

  it('follows the sender clock across the uint32 wrap, and resyncs a restarted sender', () => {
    const buffer = new PuppetDriverBuffer();
    const start = 2 ** 32 - 100;
    for (let k = 0; k < 10; k++) buffer.push(frame(k, start + k * 33), 1 + k * 0.033);
    const pose = new Float32Array(PUPPET_POSE_SIZE);
    expect(buffer.sample(1.3, DT, pose)).toBe('live');
    // The sender restarts with another clock origin (a new capture session): resync, frames are accepted again.
    expect(buffer.push(frame(0, 5_000_000), 1.4)).toBe('accepted');
    expect(buffer.push(frame(1, 5_000_033), 1.433)).toBe('accepted');
    expect(buffer.size).toBe(2);
  });

  it('recovers when the path gets slower for good (a reconnection): resyncs after a run of late frames', () => {
    const buffer = new PuppetDriverBuffer();
    const pose = new Float32Array(PUPPET_POSE_SIZE);
    // 30 Hz from local time 1 s; transit 20 ms for the first 30 frames, then 400 ms (below the 2 s restart bound).
    const arrivals = Array.from({ length: 90 }, (_, k) => 1 + k / 30 + (k < 30 ? 0.02 : 0.4));
    const results: string[] = [];
    const states: string[] = [];
    let next = 0;
    for (let now = 1; now < 4.4; now += DT) {
      while (next < arrivals.length && arrivals[next]! <= now) {
        results.push(buffer.push(frame(next, next * 33), arrivals[next]!));
        next++;
      }
      states.push(buffer.sample(now, DT, pose));
    }
    const after = results.slice(30);
    expect(after.slice(0, 4)).toEqual(['late', 'late', 'late', 'late']);
    expect(after.slice(4).every((r) => r === 'accepted')).toBe(true);
    expect(states.at(-1)).toBe('live');
  });

  it('holds a slow sender (4 Hz) across its frame gaps instead of losing it, and still loses a stopped one', () => {
    const states = new Set<string>();
    const buffer = new PuppetDriverBuffer();
    const pose = new Float32Array(PUPPET_POSE_SIZE);
    let next = 0;
    for (let now = 1; now < 6; now += DT) {
      // 4 Hz capture, every 7th frame lost, 30 ms transit; nothing after 4 s.
      while (1 + next * 0.25 + 0.03 <= now && next * 0.25 < 3) {
        if (next % 7 !== 3) buffer.push(frame(next, next * 250), 1 + next * 0.25 + 0.03);
        next++;
      }
      const state = buffer.sample(now, DT, pose);
      if (now > 2 && now < 4) states.add(state);
    }
    expect(states.has('lost')).toBe(false);
    expect(buffer.sample(6, DT, pose)).toBe('lost');
  });
});
