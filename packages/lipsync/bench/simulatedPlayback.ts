// The Node benches' simulated playback: cues through the SDK's VisemeScheduler on a simulated AudioContext clock,
// the mouth sampled every 60 fps frame at a random phase (seeded, so runs repeat), scored by bench/score.ts.
import { VISEME_COUNT } from '@digital-human/core';
import { dominantViseme, type VisemeCue, VisemeScheduler } from '../src/index';
import type { Frame } from './score';

/** Frames per second of the simulated render loop. */
export const FPS = 60;
/** Simulated output latency (s): what is heard is `currentTime - LATENCY`. */
export const LATENCY = 0.05;
const START = 1;
let seed = 7;

/** A seeded uniform 0..1 (Park–Miller), the frame phase of each utterance. */
export function random(): number {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
}

/** Plays cues through a VisemeScheduler on a simulated AudioContext and samples the mouth every frame. */
export function play(cues: readonly VisemeCue[], duration: number): Frame[] {
  const clock = { currentTime: 0, outputLatency: LATENCY };
  const scheduler = new VisemeScheduler({ clock });
  scheduler.schedule(cues, START);
  const out = new Float32Array(VISEME_COUNT);
  const frames: Frame[] = [];
  for (let t = START - 0.2 + random() / FPS; t < START + duration + 0.3; t += 1 / FPS) {
    clock.currentTime = t + LATENCY; // what is heard now is `t`
    scheduler.sample(out);
    frames.push({ t: t - START, label: dominantViseme(out) });
  }
  scheduler.dispose();
  return frames;
}
