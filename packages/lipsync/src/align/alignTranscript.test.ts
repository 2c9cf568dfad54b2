import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { textToCues } from '../text/textToVisemes';
import { alignTranscript } from './alignTranscript';
import { decodeWav } from './decodeWav';

const RATE = 16000;

/** Speech-like audio: each syllable a short hiss then a voiced vowel (120 Hz + harmonics), Hann-shaped. */
function syllableAudio(intervals: readonly [number, number][], total: number): Float32Array {
  const pcm = new Float32Array(Math.round(total * RATE));
  let seed = 1;
  const noise = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647 - 0.5;
  };
  for (const [a, b] of intervals) {
    const from = Math.round(a * RATE);
    const to = Math.round(b * RATE);
    const hiss = Math.round(0.04 * RATE);
    for (let i = from; i < to; i++) {
      const t = i / RATE;
      const x = (i - from - hiss) / Math.max(1, to - from - hiss);
      const vowel = x > 0 ? Math.sin(Math.PI * x) ** 0.7 : 0;
      const voiced =
        0.3 * Math.sin(2 * Math.PI * 120 * t) +
        0.2 * Math.sin(2 * Math.PI * 240 * t) +
        0.1 * Math.sin(2 * Math.PI * 600 * t);
      pcm[i] = vowel * voiced + (i - from < hiss ? 0.05 * noise() : 0.002 * noise());
    }
  }
  for (let i = 0; i < pcm.length; i++) pcm[i]! += 0.001 * noise();
  return pcm;
}

// Uneven syllables with a pause after the second: an even-rate guess misplaces them.
const TRUTH: [number, number][] = [
  [0.3, 0.45],
  [0.48, 0.78],
  [1.2, 1.32],
  [1.35, 1.5],
  [1.53, 1.95],
];

describe('alignTranscript', () => {
  it('lands each Han character on its syllable', () => {
    const pcm = syllableAudio(TRUTH, 2.3);
    const { spans, nuclei } = alignTranscript('你好，欢迎您', pcm, RATE);
    expect(spans.map((s) => s.text)).toEqual(['你', '好', '欢', '迎', '您']);
    spans.forEach((s, i) => {
      const [a, b] = TRUTH[i]!;
      const mid = (s.start + s.end) / 2;
      expect(mid).toBeGreaterThan(a);
      expect(mid).toBeLessThan(b);
      expect(nuclei[i]).toBeGreaterThan(a);
      expect(nuclei[i]).toBeLessThan(b);
      expect(Math.abs(s.start - a)).toBeLessThan(0.08);
    });
  });

  it('beats an even speaking rate on the same audio', () => {
    const pcm = syllableAudio(TRUTH, 2.3);
    const aligned = alignTranscript('你好，欢迎您', pcm, RATE).spans.map((s) => s.start);
    const even = textToCues('你好欢迎您', { start: 0.3, rate: (0.22 * 5) / 1.65 });
    const evenStarts = [0, 1, 2, 3, 4].map((i) => 0.3 + i * 0.33);
    const error = (starts: number[]) => starts.reduce((s, t, i) => s + Math.abs(t - TRUTH[i]![0]), 0) / 5;
    expect(even.length).toBeGreaterThan(0);
    expect(error(aligned)).toBeLessThan(0.04);
    expect(error(aligned)).toBeLessThan(error(evenStarts) / 3);
  });

  it('splits English words into syllables and keeps word order', () => {
    const pcm = syllableAudio(TRUTH, 2.3);
    const { spans } = alignTranscript('Hello, welcome bob', pcm, RATE);
    expect(spans.map((s) => s.text)).toEqual(['Hello', 'welcome', 'bob']);
    expect(spans[0]!.start).toBeCloseTo(0.3, 1);
    expect(spans[0]!.end).toBeLessThan(0.85);
    expect(spans[2]!.start).toBeGreaterThan(1.45);
  });

  it('returns nothing for silence', () => {
    expect(alignTranscript('你好', new Float32Array(RATE), RATE).cues).toEqual([]);
  });
});

const fixturesDir = inject('fixturesDir');
describe.skipIf(!fixturesDir)('alignTranscript on real speech (JFK, fixtures)', () => {
  it('places the words of the inaugural address excerpt in order, inside the speech', () => {
    const { pcm, sampleRate } = decodeWav(readFileSync(join(fixturesDir, 'speech_en_jfk.wav')));
    const text =
      'And so, my fellow Americans, ask not what your country can do for you, ask what you can do for your country.';
    const { spans, cues } = alignTranscript(text, pcm, sampleRate);
    const duration = pcm.length / sampleRate;
    expect(spans).toHaveLength(22);
    for (let i = 1; i < spans.length; i++)
      expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end - 1e-9);
    expect(spans[0]!.start).toBeGreaterThan(0.1);
    expect(spans.at(-1)!.end).toBeLessThan(duration);
    expect(cues.filter((c) => c.viseme === 'PP').length).toBeGreaterThan(1);
    console.log(
      'JFK spans',
      spans.map((s) => `${s.text}@${s.start.toFixed(2)}-${s.end.toFixed(2)}`).join(' '),
    );
  });
});
