import { describe, expect, it } from 'vitest';
import {
  createOperatorFaceFrame,
  decode,
  decodeFaceFrameFrom,
  decodeFaceFrameInto,
  encodeFaceFrame,
  FACE_BLENDSHAPE_COUNT,
  FACE_FRAME_BYTES,
  type OperatorFaceFrame,
} from './index';

/** Small seeded PRNG (mulberry32) so failures reproduce. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomFrame(rand: () => number, seq: number): OperatorFaceFrame {
  const f = createOperatorFaceFrame();
  f.seq = seq;
  f.timestampMs = Math.floor(rand() * 2 ** 32);
  f.tracked = rand() < 0.9;
  for (let i = 0; i < FACE_BLENDSHAPE_COUNT; i++) f.blendshapes[i] = rand();
  f.headYaw = (rand() * 2 - 1) * Math.PI;
  f.headPitch = (rand() * 2 - 1) * 0.8;
  f.headRoll = (rand() * 2 - 1) * 0.5;
  f.gazeYaw = (rand() * 2 - 1) * 0.6;
  f.gazePitch = (rand() * 2 - 1) * 0.4;
  return f;
}

describe('operator face frame codec', () => {
  it('encodes a frame in under 200 bytes', () => {
    const bytes = encodeFaceFrame(randomFrame(mulberry32(1), 1));
    expect(bytes.length).toBe(FACE_FRAME_BYTES);
    expect(bytes.length).toBeLessThan(200);
  });

  it('round-trips within the quantisation error (1/510 for weights, π/65534 for angles)', () => {
    const rand = mulberry32(42);
    const out = createOperatorFaceFrame();
    const buffer = new Uint8Array(FACE_FRAME_BYTES);
    let maxWeightErr = 0;
    let maxAngleErr = 0;
    for (let n = 0; n < 1000; n++) {
      const f = randomFrame(rand, n * 7919);
      expect(decodeFaceFrameInto(encodeFaceFrame(f, buffer), out)).toBeNull();
      expect(out.seq).toBe(f.seq >>> 0);
      expect(out.timestampMs).toBe(f.timestampMs >>> 0);
      expect(out.tracked).toBe(f.tracked);
      for (let i = 0; i < FACE_BLENDSHAPE_COUNT; i++) {
        maxWeightErr = Math.max(maxWeightErr, Math.abs(out.blendshapes[i]! - f.blendshapes[i]!));
      }
      for (const k of ['headYaw', 'headPitch', 'headRoll', 'gazeYaw', 'gazePitch'] as const) {
        maxAngleErr = Math.max(maxAngleErr, Math.abs(out[k] - f[k]));
      }
    }
    expect(maxWeightErr).toBeLessThanOrEqual(1 / 510 + 1e-6);
    expect(maxAngleErr).toBeLessThanOrEqual(Math.PI / 65534 + 1e-6);
    expect(maxWeightErr).toBeGreaterThan(0); // it is lossy: the measure is real
    console.info(
      `face frame: ${FACE_FRAME_BYTES} bytes, max weight error ${maxWeightErr}, max angle error ${maxAngleErr} rad`,
    );
  });

  it('clamps out-of-range and NaN input', () => {
    const f = createOperatorFaceFrame();
    f.blendshapes[0] = 3;
    f.blendshapes[1] = -1;
    f.blendshapes[2] = Number.NaN;
    f.headYaw = 10;
    f.gazePitch = Number.NaN;
    const out = createOperatorFaceFrame();
    decodeFaceFrameInto(encodeFaceFrame(f), out);
    expect([out.blendshapes[0], out.blendshapes[1], out.blendshapes[2]]).toEqual([1, 0, 0]);
    expect(out.headYaw).toBeCloseTo(Math.PI, 4);
    expect(out.gazePitch).toBe(0);
  });

  it('wraps the sequence number as uint32', () => {
    const f = createOperatorFaceFrame();
    f.seq = 2 ** 32 + 5;
    const out = createOperatorFaceFrame();
    decodeFaceFrameInto(encodeFaceFrame(f), out);
    expect(out.seq).toBe(5);
  });

  it('refuses wrong length, wrong major version and non-operator senders', () => {
    const bytes = encodeFaceFrame(randomFrame(mulberry32(3), 9));
    const out = createOperatorFaceFrame();
    expect(decodeFaceFrameInto(bytes.subarray(0, 40), out)?.code).toBe('malformed');
    const v2 = bytes.slice();
    v2[1] = 0x20;
    expect(decodeFaceFrameInto(v2, out)?.code).toBe('version-unsupported');
    for (const role of ['customer', 'agent', null] as const) {
      const r = decode(bytes, role);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('forbidden-sender');
    }
    expect(decodeFaceFrameFrom(bytes, 'customer', out)?.code).toBe('forbidden-sender');
    expect(decodeFaceFrameFrom(bytes, 'operator', out)).toBeNull();
    expect(out.seq).toBe(9);
    const ok = decode(bytes, 'operator');
    expect(ok.ok && ok.message.type === 'operator.face' && ok.message.frame.seq).toBe(9);
  });
});
