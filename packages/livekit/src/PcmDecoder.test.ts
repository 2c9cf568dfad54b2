import { describe, expect, it } from 'vitest';
import { LiveKitTransportError } from './LiveKitTransportError';
import { PcmDecoder } from './PcmDecoder';

/** Little-endian int16 bytes of `samples`. */
function bytesOf(samples: number[]): Uint8Array {
  const out = new Uint8Array(samples.length * 2);
  const view = new DataView(out.buffer);
  samples.forEach((s, i) => {
    view.setInt16(2 * i, s, true);
  });
  return out;
}

/** Decodes into fresh arrays sized by `framesIn`; null when no frame completes. */
function decode(decoder: PcmDecoder, chunk: Uint8Array): Float32Array[] | null {
  const frames = decoder.framesIn(chunk);
  const planes = Array.from({ length: decoder.channels }, () => new Float32Array(frames));
  const written = decoder.decodeInto(chunk, planes);
  expect(written).toBe(frames);
  return frames === 0 ? null : planes;
}

describe('PcmDecoder', () => {
  it('decodes mono int16 little-endian to floats in [-1, 1)', () => {
    const out = decode(new PcmDecoder(1), bytesOf([0, 16384, -32768, 32767]));
    expect(out).toHaveLength(1);
    expect(Array.from(out![0]!)).toEqual([0, 0.5, -1, 32767 / 32768]);
  });

  it('de-interleaves stereo frames', () => {
    const out = decode(new PcmDecoder(2), bytesOf([100, -100, 200, -200, 300, -300]))!;
    expect(Array.from(out[0]!, (v) => Math.round(v * 32768))).toEqual([100, 200, 300]);
    expect(Array.from(out[1]!, (v) => Math.round(v * 32768))).toEqual([-100, -200, -300]);
  });

  it('carries partial frames across unaligned chunks without losing or inventing samples', () => {
    const samples = Array.from({ length: 999 }, (_, i) => ((i * 7919) % 65536) - 32768);
    const bytes = bytesOf(samples);
    const decoder = new PcmDecoder(3); // 333 frames of 6 bytes
    const got: number[][] = [[], [], []];
    // Chunk sizes chosen so borders fall mid-sample and mid-frame; subarray offsets are odd on purpose.
    const sizes = [1, 5, 7, 2, 11, 3, 1000, 13, 1];
    let at = 0;
    for (let i = 0; at < bytes.length; i++) {
      const size = sizes[i % sizes.length]!;
      const out = decode(decoder, bytes.subarray(at, at + size));
      at += size;
      out?.forEach((channel, c) => {
        got[c]!.push(...Array.from(channel, (v) => Math.round(v * 32768)));
      });
    }
    expect(decoder.pendingBytes).toBe(0);
    expect(got[0]).toEqual(samples.filter((_, i) => i % 3 === 0));
    expect(got[1]).toEqual(samples.filter((_, i) => i % 3 === 1));
    expect(got[2]).toEqual(samples.filter((_, i) => i % 3 === 2));
  });

  it('returns null until a whole frame is there, and reset() drops the partial frame', () => {
    const decoder = new PcmDecoder(2);
    expect(decode(decoder, new Uint8Array([1, 2, 3]))).toBeNull();
    expect(decoder.pendingBytes).toBe(3);
    decoder.reset();
    expect(decoder.pendingBytes).toBe(0);
    const out = decode(decoder, bytesOf([5, 6]))!;
    expect(Math.round(out[0]![0]! * 32768)).toBe(5);
  });

  it('refuses impossible channel counts', () => {
    expect(() => new PcmDecoder(0)).toThrow(LiveKitTransportError);
    expect(() => new PcmDecoder(9)).toThrow(/^DigitalHuman\.LiveKit: PCM channel count must be 1\.\.8/);
  });
});
