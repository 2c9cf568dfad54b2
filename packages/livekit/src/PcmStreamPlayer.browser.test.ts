import { describe, expect, it } from 'vitest';
import { PcmStreamPlayer, type PcmStreamPlayerEvents } from './PcmStreamPlayer';

const RATE = 24_000;

/** `n` int16 samples of a 440 Hz tone plus a slow ramp (no two neighbours equal), and their bytes. */
function tone(n: number, phase = 0) {
  const samples = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    const t = i + phase;
    samples[i] = Math.round(9000 * Math.sin((2 * Math.PI * 440 * t) / RATE) + ((t * 3) % 2000) - 1000);
  }
  return { samples, bytes: new Uint8Array(samples.buffer) };
}

/** Pushes `bytes` in uneven chunks whose borders fall mid-sample, as data-stream chunks do. */
function pushUneven(player: PcmStreamPlayer, bytes: Uint8Array) {
  const sizes = [4801, 3, 960, 7777, 2];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length]!;
    player.push(bytes.subarray(at, at + size));
    at += size;
  }
}

function record(player: PcmStreamPlayer) {
  const log: { [K in keyof PcmStreamPlayerEvents]: PcmStreamPlayerEvents[K][] } = {
    started: [],
    finished: [],
    underrun: [],
  };
  player.events.on('started', (e) => log.started.push(e));
  player.events.on('finished', (e) => log.finished.push(e));
  player.events.on('underrun', (e) => log.underrun.push(e));
  return log;
}

describe('PcmStreamPlayer (real Web Audio)', () => {
  it('plays two segments back to back, sample-exactly, from unaligned chunks', async () => {
    const context = new OfflineAudioContext(1, RATE, RATE);
    const player = new PcmStreamPlayer(context, { lead: 0.1 });
    const log = record(player);
    const first = tone(7200);
    const second = tone(4800, 7200);
    player.beginSegment(RATE, 1);
    pushUneven(player, first.bytes);
    player.endSegment();
    player.beginSegment(RATE, 1);
    pushUneven(player, second.bytes);
    player.endSegment();
    const rendered = (await context.startRendering()).getChannelData(0);

    const start = Math.round(0.1 * RATE);
    const expected = [...first.samples, ...second.samples];
    let worst = 0;
    for (let i = 0; i < expected.length; i++) {
      worst = Math.max(worst, Math.abs(rendered[start + i]! * 32768 - expected[i]!));
    }
    expect(worst).toBeLessThan(0.01); // every sample where it belongs: no gap, no overlap, no resampling
    expect(Math.abs(rendered[start - 1]!)).toBe(0);
    expect(Math.abs(rendered[start + expected.length]!)).toBe(0);
    expect(log.started[0]!.startTime).toBe(0.1);
    expect(log.started[1]!.startTime).toBeCloseTo(0.1 + 7200 / RATE, 12);
    expect(log.finished).toEqual([
      { segment: 1, position: 7200 / RATE, interrupted: false },
      { segment: 2, position: 4800 / RATE, interrupted: false },
    ]);
    expect(log.underrun).toEqual([]);
  });

  it('clear() stops all future audio and reports how much was heard', async () => {
    const context = new AudioContext({ latencyHint: 'interactive' });
    await context.resume();
    const player = new PcmStreamPlayer(context, { lead: 0.05 });
    const log = record(player);
    player.beginSegment(RATE, 1);
    player.push(tone(RATE * 2).bytes); // 2 s
    await new Promise((r) => setTimeout(r, 400));
    const clearedAt = context.currentTime;
    player.clear();
    player.push(tone(RATE).bytes); // arrives after the clear: ignored
    expect(player.inputSegment).toBe(0);
    expect(player.active).toBe(false);
    expect(log.finished).toHaveLength(1);
    const finished = log.finished[0]!;
    expect(finished.interrupted).toBe(true);
    const latency = context.outputLatency || context.baseLatency || 0;
    const heard = clearedAt - latency - log.started[0]!.startTime;
    expect(finished.position).toBeCloseTo(Math.max(0, heard), 2);
    expect(finished.position).toBeGreaterThan(0.1);
    expect(finished.position).toBeLessThan(1);
    await context.close();
  });

  it('reports an underrun when bytes arrive after the previous audio ran out', async () => {
    const context = new AudioContext({ latencyHint: 'interactive' });
    await context.resume();
    const player = new PcmStreamPlayer(context, { lead: 0.02 });
    const log = record(player);
    player.beginSegment(RATE, 1);
    player.push(tone(RATE / 20).bytes); // 50 ms
    await new Promise((r) => setTimeout(r, 250));
    player.push(tone(RATE / 20).bytes);
    player.endSegment();
    expect(log.underrun).toHaveLength(1);
    expect(log.underrun[0]!.gap).toBeGreaterThan(0.1);
    await new Promise<void>((resolve) => player.events.on('finished', () => resolve()));
    expect(log.finished[0]!.interrupted).toBe(false);
    player.dispose();
    await context.close();
  });

  it('refuses a bad stream header with a typed error', () => {
    const player = new PcmStreamPlayer(new OfflineAudioContext(1, 128, RATE));
    expect(() => player.beginSegment(0, 1)).toThrow(/sample rate 0 is out of range/);
    expect(() => player.beginSegment(RATE, 0)).toThrow(/channel count/);
  });
});
