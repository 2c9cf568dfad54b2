import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Mixer, VISEMES } from '@digital-human/core';
import { describe, expect, it } from 'vitest';
import { SpeechDriver } from './SpeechDriver';
import type { VisemeCue } from './VisemeCue';
import { VisemeScheduler } from './VisemeScheduler';

/*
 * Checks that a speaking SpeechDriver (VisemeScheduler + Coarticulator over a long cue track) allocates nothing per
 * frame: heap growth over 1000 mixer updates with GC forced before each measurement, against an empty mixer, after
 * a warm-up. Same method and bound as core's Mixer.alloc.test.ts (boxed doubles cost ~16 bytes; an array per frame
 * costs hundreds).
 */
function enableGc(): (() => void) | null {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return null;
  }
}

const gc = enableGc();
const FRAMES = 1000;
const BOUND = 64;

/** Ten minutes of alternating cues, 80 ms each. */
function longSpeech(): VisemeCue[] {
  const cues: VisemeCue[] = [];
  for (let i = 0; i < 7500; i++)
    cues.push({ viseme: VISEMES[1 + (i % 14)]!, start: i * 0.08, end: i * 0.08 + 0.08 });
  return cues;
}

function bytesPerUpdate(withSpeech: boolean): number {
  const clock = { currentTime: 0, outputLatency: 0.03 };
  const mixer = new Mixer();
  if (withSpeech) {
    const scheduler = new VisemeScheduler({ clock });
    scheduler.schedule(longSpeech(), 0);
    mixer.addDriver(new SpeechDriver(scheduler));
  }
  let frame = 0;
  const step = () => {
    clock.currentTime = frame / 60;
    mixer.update(frame / 60, 1 / 60);
    frame++;
  };
  for (let i = 0; i < 20_000; i++) step();
  let best = Number.POSITIVE_INFINITY;
  for (let rep = 0; rep < 5; rep++) {
    gc!();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < FRAMES; i++) step();
    best = Math.min(best, (process.memoryUsage().heapUsed - before) / FRAMES);
  }
  return best;
}

describe.skipIf(!gc)('SpeechDriver allocation (heap growth per frame while speaking)', () => {
  it('allocates nothing per frame', () => {
    let extra = Number.POSITIVE_INFINITY;
    for (let attempt = 0; attempt < 3 && extra >= BOUND; attempt++) {
      extra = Math.min(extra, bytesPerUpdate(true) - bytesPerUpdate(false));
    }
    console.log(`speech driver: ${extra.toFixed(1)} bytes/frame over an empty mixer`);
    expect(extra).toBeLessThan(BOUND);
  });
});
