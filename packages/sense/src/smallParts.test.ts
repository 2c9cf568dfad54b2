import { describe, expect, it } from 'vitest';
import { AdaptiveRate } from './AdaptiveRate';
import { headPoseFromMatrix } from './headPose';
import { NeutralBaseline } from './NeutralBaseline';
import { PresenceTracker } from './PresenceTracker';

describe('AdaptiveRate', () => {
  it('caps the rate at maxFps when processing is fast', () => {
    const rate = new AdaptiveRate({ maxFps: 15, maxBusy: 0.5 });
    for (let i = 0; i < 20; i++) rate.record(10);
    expect(rate.fps).toBeCloseTo(15, 5);
    expect(rate.delayMs(10)).toBeCloseTo(1000 / 15 - 10, 5);
  });

  it('slows down (skips frames) when processing is slow, keeping busy time under maxBusy', () => {
    const rate = new AdaptiveRate({ maxFps: 15, maxBusy: 0.5 });
    for (let i = 0; i < 50; i++) rate.record(80);
    expect(rate.intervalMs).toBeCloseTo(160, 0);
    expect(rate.fps).toBeLessThan(7);
    expect(rate.costMs / rate.intervalMs).toBeLessThanOrEqual(0.5 + 1e-9);
  });
});

describe('PresenceTracker', () => {
  it('needs arriveMs of face to arrive and leaveMs without to leave', () => {
    const p = new PresenceTracker({ arriveMs: 300, leaveMs: 1000 });
    expect(p.update(true, 0)).toBeNull();
    expect(p.update(true, 299)).toBeNull();
    expect(p.update(true, 300)).toBe('arrived');
    expect(p.update(false, 400)).toBeNull();
    expect(p.update(true, 900)).toBeNull(); // back before leaveMs: the gap is forgotten
    expect(p.update(false, 1000)).toBeNull();
    expect(p.update(false, 1999)).toBeNull();
    expect(p.update(false, 2000)).toBe('left');
    expect(p.isPresent).toBe(false);
  });
});

describe('NeutralBaseline', () => {
  it('is the per-blendshape median of the first seconds, robust to a few outliers', () => {
    const b = new NeutralBaseline({ durationMs: 1000 });
    const w = new Float32Array(52);
    let fixedAt = -1;
    for (let t = 0, i = 0; t <= 1200; t += 100, i++) {
      w[0] = i % 5 === 4 ? 0.9 : 0.2; // an occasional blink-like outlier
      w[1] = i * 0.01;
      if (b.add(w, t) && fixedAt < 0) fixedAt = t;
    }
    expect(fixedAt).toBe(1000);
    expect(b.ready).toBe(true);
    expect(b.weights[0]).toBeCloseTo(0.2, 5);
    expect(b.weights[1]).toBeCloseTo(0.05, 5);
    b.reset();
    expect(b.ready).toBe(false);
    expect(b.sampleCount).toBe(0);
  });
});

describe('headPoseFromMatrix', () => {
  it('reads yaw, pitch and roll from a column-major rotation', () => {
    const yaw = 0.4;
    // Rotation about +y by `yaw`, column-major, with a translation.
    const m = [
      Math.cos(yaw),
      0,
      -Math.sin(yaw),
      0,
      0,
      1,
      0,
      0,
      Math.sin(yaw),
      0,
      Math.cos(yaw),
      0,
      1,
      2,
      -50,
      1,
    ];
    const pose = headPoseFromMatrix(m, { yaw: 0, pitch: 0, roll: 0 });
    expect(pose.yaw).toBeCloseTo(yaw, 5);
    expect(pose.pitch).toBeCloseTo(0, 5);
    expect(pose.roll).toBeCloseTo(0, 5);
    const pitch = 0.3;
    // Rotation about +x by -pitch tilts the forward axis up.
    const c = Math.cos(pitch);
    const s = Math.sin(pitch);
    const up = headPoseFromMatrix([1, 0, 0, 0, 0, c, -s, 0, 0, s, c, 0, 0, 0, -50, 1], {
      yaw: 0,
      pitch: 0,
      roll: 0,
    });
    expect(up.pitch).toBeCloseTo(pitch, 5);
    expect(up.yaw).toBeCloseTo(0, 5);
  });
});
