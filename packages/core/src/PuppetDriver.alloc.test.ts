import { createOperatorFaceFrame } from '@digital-human/protocol';
import { describe, expect, it } from 'vitest';
import { ArkitIndex } from './arkit';
import { createFaceFrame, resetFaceFrame } from './FaceFrame';
import { PuppetDriver } from './PuppetDriver';
import { bytesPerStep, enableGc } from './testing/heapGrowth';

/*
 * Checks that a live PuppetDriver (a frame pushed every other update, as at 30 Hz frames and 60 fps rendering)
 * allocates nothing per frame, by heap growth with GC forced before each measurement, against a control that keeps
 * one small array per update. Same method and bound as Mixer.alloc.test.ts.
 */

const gc = enableGc();
const BOUND = 64;
const DT = 1 / 60;

/** Heap bytes per step of `step(n)`, the least of five measurements after a 20k-step warm-up. */
function bytesPerPuppetStep(step: (n: number) => void): number {
  return bytesPerStep(gc!, step);
}

/** The harness's own cost: the same calls on a driver that only stores what it is given. */
class StoringDriver {
  last = 0;
  push(frame: { timestampMs: number }, arrival: number): void {
    this.last = frame.timestampMs + arrival;
  }
  update(time: number, dt: number, out: { headYaw: number }): number {
    out.headYaw = time + dt + this.last;
    return 0;
  }
}

/** One 60 fps step of a live puppet: every other step a new operator frame arrives. */
function puppetStep(keep?: { arrays: Float32Array[] }, baseline = false): (n: number) => void {
  const puppet = baseline ? new StoringDriver() : new PuppetDriver();
  const frame = createOperatorFaceFrame();
  const out = createFaceFrame(true);
  return (n) => {
    const t = n * DT;
    if (n % 2 === 0) {
      frame.seq = n / 2;
      frame.timestampMs = Math.round(t * 1000);
      frame.blendshapes[ArkitIndex.jawOpen] = 0.5 + 0.4 * Math.sin(t * 7);
      frame.headYaw = 0.2 * Math.sin(t);
      puppet.push(frame, t + 0.02);
    }
    resetFaceFrame(out);
    puppet.update(t, DT, out);
    if (keep) keep.arrays[n % 64] = new Float32Array(15);
  };
}

describe.skipIf(!gc)('PuppetDriver allocation (heap growth per update after 20k warm-up updates)', () => {
  it('allocates nothing per frame while live', () => {
    // Up to three fresh attempts, as in the mixer's test: a loaded machine can deoptimise or scavenge mid-measure.
    let bytes = Number.POSITIVE_INFINITY;
    for (let attempt = 0; attempt < 3 && bytes >= BOUND; attempt++) {
      const harness = bytesPerPuppetStep(puppetStep(undefined, true));
      bytes = Math.min(bytes, bytesPerPuppetStep(puppetStep()) - harness);
    }
    console.log(`puppet: ${bytes.toFixed(1)} bytes/update over the harness`);
    expect(bytes).toBeLessThan(BOUND);
  });

  it('detects one small array per frame (control)', () => {
    expect(bytesPerPuppetStep(puppetStep({ arrays: [] }))).toBeGreaterThan(BOUND);
  });
});
