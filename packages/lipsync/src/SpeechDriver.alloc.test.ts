import { Channel, type Driver, type FaceFrame, Mixer, VISEMES } from '@digital-human/core';
import { describe, expect, it } from 'vitest';
// core's heap-growth harness (Node-only test code, not part of core's package exports)
import { bytesPerStep, enableGc } from '../../core/src/testing/heapGrowth';
import { SpeechDriver } from './SpeechDriver';
import type { VisemeCue } from './VisemeCue';
import { VisemeScheduler } from './VisemeScheduler';

/*
 * Checks that a speaking SpeechDriver (VisemeScheduler + Coarticulator over a long cue track) allocates nothing per
 * frame: heap growth per mixer update, GC forced before each measurement, over a harness whose mouth driver only
 * writes one weight. Same method and bound as core's Mixer.alloc.test.ts. What remains (measured 32-48 bytes) is
 * V8 boxing doubles passed to calls it did not inline (16 bytes each), not objects of ours; one small array per
 * frame (the control) costs hundreds.
 */

const gc = enableGc();
const BOUND = 64;

/** Ten minutes of alternating cues, 80 ms each. */
function longSpeech(): VisemeCue[] {
  const cues: VisemeCue[] = [];
  for (let i = 0; i < 7500; i++)
    cues.push({ viseme: VISEMES[1 + (i % 14)]!, start: i * 0.08, end: i * 0.08 + 0.08 });
  return cues;
}

/** The harness's own cost: a mouth driver that writes one weight. */
class HarnessDriver implements Driver {
  readonly name = 'harness';
  readonly priority = 50;
  update(_time: number, _dt: number, out: FaceFrame): number {
    out.visemes[1] = 0.5;
    return Channel.mouth;
  }
}

/** A small mistake: one 15-float array per frame (kept, so V8 cannot optimise it away). */
class AllocatingSpeech extends SpeechDriver {
  kept = new Float32Array(15);
  override update(time: number, dt: number, out: FaceFrame): number {
    this.kept = new Float32Array(15);
    return super.update(time, dt, out);
  }
}

function bytesPerUpdate(kind: 'speech' | 'harness' | 'allocating'): number {
  const clock = { currentTime: 0, outputLatency: 0.03 };
  const mixer = new Mixer();
  if (kind === 'harness') mixer.addDriver(new HarnessDriver());
  else {
    const scheduler = new VisemeScheduler({ clock });
    scheduler.schedule(longSpeech(), 0);
    mixer.addDriver(kind === 'speech' ? new SpeechDriver(scheduler) : new AllocatingSpeech(scheduler));
  }
  return bytesPerStep(gc!, (n) => {
    clock.currentTime = n / 60;
    mixer.update(n / 60, 1 / 60);
  });
}

describe.skipIf(!gc)('SpeechDriver allocation (heap growth per frame while speaking)', () => {
  it('allocates nothing per frame', () => {
    let extra = Number.POSITIVE_INFINITY;
    for (let attempt = 0; attempt < 3 && extra >= BOUND; attempt++) {
      extra = Math.min(extra, bytesPerUpdate('speech') - bytesPerUpdate('harness'));
    }
    console.log(`speech driver: ${extra.toFixed(1)} bytes/frame over the harness`);
    expect(extra).toBeLessThan(BOUND);
  });

  it('detects one small array per frame (control)', () => {
    expect(bytesPerUpdate('allocating') - bytesPerUpdate('harness')).toBeGreaterThan(BOUND);
  });
});
