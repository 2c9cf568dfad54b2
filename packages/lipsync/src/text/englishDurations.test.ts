import { describe, expect, it } from 'vitest';
import {
  durationClass,
  englishPhoneDuration,
  FINAL_LENGTHENING,
  PHONE_DURATIONS,
  wordPhoneDurations,
} from './englishDurations';

describe('englishDurations', () => {
  it('orders the classes as phonetics does: diphthongs, stressed, unstressed vowels, then stops and flaps', () => {
    const d = PHONE_DURATIONS;
    expect(d.diphthong).toBeGreaterThan(d.long1);
    expect(d.long1).toBeGreaterThan(d.short1);
    expect(d.short1).toBeGreaterThan(d.long0);
    expect(d.long1).toBeGreaterThan(1.5 * d.short0);
    expect(d.short1).toBeGreaterThan(d.schwa);
    expect(d.sibilant).toBeGreaterThan(d.stop);
    expect(d.stop).toBeGreaterThan(d.flap);
  });

  it('classes ARPAbet phones by stress and manner', () => {
    expect(durationClass('AY1')).toBe('diphthong');
    expect(durationClass('IY1')).toBe('long1');
    expect(durationClass('IY0')).toBe('short0');
    expect(durationClass('EH2')).toBe('short1');
    expect(durationClass('AH0')).toBe('schwa');
    expect(durationClass('ER0')).toBe('schwa');
    expect(durationClass('T')).toBe('stop');
    expect(durationClass('DX')).toBe('flap');
    expect(durationClass('SH')).toBe('sibilant');
    expect(englishPhoneDuration('AE1')).toBeGreaterThan(englishPhoneDuration('AE0'));
  });

  it('lengthens the last vowel and its coda before a pause, nothing before it', () => {
    const phones = ['K', 'AE1', 'N', 'D', 'IY0'];
    const plain = wordPhoneDurations(['B', 'AE1', 'NG', 'K']);
    const final = wordPhoneDurations(['B', 'AE1', 'NG', 'K'], true);
    expect(final[0]).toBe(plain[0]);
    expect(final[1]).toBeCloseTo(plain[1]! * FINAL_LENGTHENING.vowel);
    expect(final[2]).toBeCloseTo(plain[2]! * FINAL_LENGTHENING.coda);
    expect(final[3]).toBeCloseTo(plain[3]! * FINAL_LENGTHENING.coda);
    // the last vowel is the final IY0, not the stressed AE1
    const candy = wordPhoneDurations(phones, true);
    expect(candy[1]).toBe(englishPhoneDuration('AE1'));
    expect(candy[4]).toBeCloseTo(englishPhoneDuration('IY0') * FINAL_LENGTHENING.vowel);
  });

  it('reads function words unstressed and gives a coda R its share of the r-coloured vowel', () => {
    const [, can] = wordPhoneDurations(['K', 'AE1', 'N'], false, 'can');
    const [, cat] = wordPhoneDurations(['K', 'AE1', 'T'], false, 'cat');
    expect(can).toBeLessThan(cat!);
    const car = wordPhoneDurations(['K', 'AA1', 'R']);
    expect(car[1]).toBeCloseTo(car[2]!);
    expect(car[1]! + car[2]!).toBeCloseTo(englishPhoneDuration('AA1') + englishPhoneDuration('R'));
    const here = wordPhoneDurations(['HH', 'IH1', 'R']);
    expect(here[2]).toBeCloseTo(2 * here[1]!);
    // R before a vowel is an onset, not r-colouring
    const ray = wordPhoneDurations(['R', 'EY1']);
    expect(ray[0]).toBe(englishPhoneDuration('R'));
  });
});
