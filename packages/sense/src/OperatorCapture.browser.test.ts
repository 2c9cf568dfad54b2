import { waitForEvent } from '@digital-human/core';
import { createOperatorFaceFrame, decodeFaceFrameInto } from '@digital-human/protocol';
import { describe, expect, it } from 'vitest';
import type { FaceProcessor, FaceSample } from './FaceSample';
import { OperatorCapture } from './OperatorCapture';
import { SenseError } from './SenseError';

/** A processor that "sees" a face whose jaw opens a little more every frame, and a lost face every 5th frame. */
class RampProcessor implements FaceProcessor {
  calls = 0;
  disposed = false;
  process(_source: TexImageSource, timeMs: number, out: FaceSample): boolean {
    this.calls++;
    out.timeMs = timeMs;
    out.present = this.calls % 5 !== 0;
    out.blendshapes[24] = Math.min(1, this.calls / 100); // jawOpen
    out.headYaw = 0.1;
    return out.present;
  }
  dispose(): void {
    this.disposed = true;
  }
}

describe('OperatorCapture (fake camera, stub tracker)', () => {
  it('emits 73-byte frames at up to 30 Hz with increasing seq and capture times, then stops the camera', async () => {
    const processor = new RampProcessor();
    const capture = new OperatorCapture({ createProcessor: async () => processor, width: 320, height: 240 });
    const seqs: number[] = [];
    const times: number[] = [];
    const sizes = new Set<number>();
    const tracked: boolean[] = [];
    const decoded = createOperatorFaceFrame();
    capture.on('frame', ({ bytes, frame }) => {
      sizes.add(bytes.length);
      expect(decodeFaceFrameInto(bytes, decoded)).toBeNull();
      seqs.push(decoded.seq);
      times.push(decoded.timestampMs);
      tracked.push(decoded.tracked);
      expect(decoded.blendshapes[24]).toBeCloseTo(frame.blendshapes[24]!, 2);
    });
    const t0 = performance.now();
    await capture.start();
    expect(capture.stream!.getVideoTracks()).toHaveLength(1);
    while (seqs.length < 12) await waitForEvent(capture, 'frame', 3000);
    const elapsed = performance.now() - t0;
    const tracks = capture.stream!.getTracks();
    capture.stop();
    expect(tracks.every((t) => t.readyState === 'ended')).toBe(true);
    expect([...sizes]).toEqual([73]);
    expect(seqs.slice(0, 12)).toEqual([...Array(12).keys()]);
    for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThan(times[i - 1]!);
    expect(tracked.slice(0, 10)).toContain(false); // the lost face is sent as untracked, not skipped
    expect(12 / (elapsed / 1000)).toBeLessThan(40); // paced at ~30 Hz, never faster
    expect(capture.stats.frames).toBe(seqs.length);
    capture.dispose();
    expect(processor.disposed).toBe(true);
  });

  it('rejects with camera-denied when the camera is refused, and reports unavailable', async () => {
    const capture = new OperatorCapture({
      createProcessor: async () => new RampProcessor(),
      openStream: () => Promise.reject(SenseError.cameraDenied(new DOMException('no', 'NotAllowedError'))),
    });
    const errors: SenseError[] = [];
    capture.on('error', (e) => errors.push(e));
    await expect(capture.start()).rejects.toMatchObject({ code: 'camera-denied' });
    expect(capture.status).toBe('unavailable');
    expect(errors.map((e) => e.code)).toEqual(['camera-denied']);
    expect(capture.error).toBeInstanceOf(SenseError);
    capture.dispose();
  });

  it('maps a real getUserMedia refusal to camera-denied', async () => {
    const devices = navigator.mediaDevices;
    const original = devices.getUserMedia;
    devices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    try {
      const capture = new OperatorCapture({ createProcessor: async () => new RampProcessor() });
      await expect(capture.start()).rejects.toMatchObject({ code: 'camera-denied' });
      expect(capture.stream).toBeNull();
      capture.dispose();
    } finally {
      devices.getUserMedia = original;
    }
  });
});
