import { describe, expect, it } from 'vitest';
import { Channel, type Driver } from './Driver';
import { type FaceFrame, VISEME_COUNT } from './FaceFrame';
import { IdleDriver } from './IdleDriver';
import { Mixer } from './Mixer';
import { createSeededRandom } from './random';
import { bytesPerStep, enableGc } from './testing/heapGrowth';

/*
 * Checks that `Mixer.update` (with IdleDriver) allocates nothing per frame, by the heap growth over many updates with
 * GC forced before each measurement, compared with an empty mixer. Measured: 15–35 bytes/update: V8 boxing doubles
 * passed between non-inlined functions (16 bytes each; Vitest's module runner calls imports through getters, which
 * defeats some inlining), not objects of ours. The bound, 64 bytes/update, is well below what one small array per
 * frame costs (the control: ~250). Only 1000 updates are measured at a time so that the young generation never
 * fills up: a scavenge during the measurement would hide the garbage.
 */

class SpeechLike implements Driver {
  readonly name = 'speech';
  readonly priority = 10;
  update(time: number, _dt: number, out: FaceFrame): number {
    if (time % 3 > 2) return 0;
    out.visemes[10] = 0.5 + 0.5 * Math.sin(time * 20);
    return Channel.mouth;
  }
}

class EmotionLike implements Driver {
  readonly name = 'emotion';
  readonly priority = 5;
  update(time: number, _dt: number, out: FaceFrame): number {
    out.emotions[0] = 0.8;
    out.headPitch = 0.05 * Math.sin(time);
    return time % 5 > 1 ? Channel.emotion | Channel.head : Channel.emotion;
  }
}

/** A small mistake: one 15-float scratch array created per update (kept, so V8 cannot optimise it away). */
class Allocating implements Driver {
  readonly name = 'allocating';
  readonly priority = 1;
  scratch = new Float32Array(VISEME_COUNT);
  update(time: number, _dt: number, out: FaceFrame): number {
    this.scratch = new Float32Array(VISEME_COUNT);
    this.scratch[0] = Math.sin(time);
    out.visemes.set(this.scratch);
    return Channel.mouth;
  }
}

const gc = enableGc();
/** Allowed heap growth per update over an empty mixer, bytes. */
const BOUND = 64;

/** Heap bytes per update at 60 fps, the least of five measurements of 1000 updates after 20k warm-up updates. */
function bytesPerUpdate(mixer: Mixer): number {
  return bytesPerStep(gc!, (n) => mixer.update(n / 60, 1 / 60));
}

function mixerWith(...drivers: Driver[]): Mixer {
  const mixer = new Mixer();
  for (const d of drivers) mixer.addDriver(d, d instanceof IdleDriver ? { additive: Channel.head } : {});
  return mixer;
}

/** Extra bytes per update over an empty mixer (whose cost is the boxed time argument itself). */
function extraBytes(...drivers: Driver[]): number {
  let extra = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3 && extra >= BOUND; attempt++) {
    extra = Math.min(extra, bytesPerUpdate(mixerWith(...drivers)) - bytesPerUpdate(new Mixer()));
  }
  return extra;
}

describe.skipIf(!gc)('Mixer allocation (heap growth per update after 20k warm-up updates)', () => {
  it('allocates no objects per frame with idle, speech and emotion drivers', () => {
    const extra = extraBytes(
      new IdleDriver({ random: createSeededRandom(1) }),
      new SpeechLike(),
      new EmotionLike(),
    );
    console.log(`mixer: ${extra.toFixed(1)} bytes/update over an empty mixer`);
    expect(extra).toBeLessThan(BOUND);
  });

  it('detects a driver that creates one small typed array per frame (control)', () => {
    const extra = extraBytes(new IdleDriver({ random: createSeededRandom(1) }), new Allocating());
    console.log(`control: ${extra.toFixed(1)} bytes/update over an empty mixer`);
    expect(extra).toBeGreaterThan(BOUND);
  });
});
