import { VISEME_COUNT, VisemeIndex } from '@digital-human/core';
import { describe, expect, it } from 'vitest';
import { VisemeScheduler } from '../VisemeScheduler';
import { speechEnergy } from './speechEnergy';

const RATE = 8000;
/** 0.5 s loud tone, 0.5 s quiet tone, 0.5 s silence. */
function audio(): Float32Array {
  const pcm = new Float32Array(RATE * 1.5);
  for (let i = 0; i < RATE; i++)
    pcm[i] = (i < RATE / 2 ? 0.5 : 0.05) * Math.sin((2 * Math.PI * 150 * i) / RATE);
  return pcm;
}

describe('speechEnergy', () => {
  it('is high on loud speech, lower on quiet speech, 0 in silence and outside the audio', () => {
    const energy = speechEnergy(audio(), RATE, 2);
    expect(energy(2.25)).toBeGreaterThan(0.9);
    expect(energy(2.75)).toBeLessThan(energy(2.25));
    expect(energy(2.75)).toBeGreaterThan(0.2);
    expect(energy(3.3)).toBeLessThan(0.05);
    expect(energy(1)).toBe(0);
  });

  it('scales how far the scheduled mouth opens', () => {
    const clock = { currentTime: 0 };
    const scheduler = new VisemeScheduler({ clock, energy: speechEnergy(audio(), RATE, 0) });
    scheduler.schedule([{ viseme: 'aa', start: 0, end: 1.4 }], 0);
    const out = new Float32Array(VISEME_COUNT);
    clock.currentTime = 0.25;
    scheduler.sample(out);
    const loud = out[VisemeIndex.aa]!;
    clock.currentTime = 0.75;
    scheduler.sample(out);
    expect(out[VisemeIndex.aa]).toBeLessThan(loud * 0.8);
    clock.currentTime = 1.3;
    scheduler.sample(out);
    expect(out[VisemeIndex.sil]).toBeGreaterThan(0.9);
  });
});
