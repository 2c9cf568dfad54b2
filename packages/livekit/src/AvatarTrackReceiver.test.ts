import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AvatarTrackReceiver } from './AvatarTrackReceiver';
import type { LiveKitTransportEvents } from './LiveKitTransportEvents';
import { rtpDelta } from './playoutClock';

type Events = LiveKitTransportEvents<unknown>;
const sender = { identity: 'agent-1', role: 'agent' as const };
const LATENCY = 0.02;

/**
 * A fake audio clock: context time 10 s is heard at performance time 5000 ms; `advance(ms)` moves both. The render
 * time (`currentTime`) runs `LATENCY` ahead of what is heard.
 */
function fakeClock() {
  let perf = 5000;
  const context = {
    get currentTime() {
      return 10 + (perf - 5000) / 1000 + LATENCY;
    },
    outputLatency: LATENCY,
    getOutputTimestamp: () => ({ contextTime: 10 + (perf - 5000) / 1000, performanceTime: perf }),
  };
  return { context, advance: (ms: number) => (perf += ms), perf: () => perf };
}

/** A fake RTP receiver: the last frame played out (RTP timestamp, playout time, level). */
function fakeReceiver() {
  let last: RTCRtpSynchronizationSource | undefined;
  return {
    getSynchronizationSources: () => (last ? [last] : []),
    play(rtpTimestamp: number, timestamp: number, audioLevel: number) {
      last = { rtpTimestamp, timestamp, audioLevel, source: 1 } as RTCRtpSynchronizationSource;
    },
  };
}

function setup() {
  const clock = fakeClock();
  const started: Events['speechstarted'][] = [];
  const finished: Events['speechfinished'][] = [];
  const receiver = new AvatarTrackReceiver(clock.context, {
    started: (e) => started.push(e),
    finished: (e) => finished.push(e),
  });
  const track = fakeReceiver();
  receiver.addTrack('agent-1', track);
  return { clock, receiver, track, started, finished };
}

describe('AvatarTrackReceiver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts an utterance at its onset as played out (RTP + playout time), not when it is read', () => {
    for (const readLateMs of [0, 300]) {
      const { clock, receiver, track, started } = setup();
      receiver.announce({ utteranceId: 'u1', sender, leadIn: 0.05, duration: 1 });
      track.play(1000, 5000, 0); // quiet frame played at 5000 ms
      receiver.poll();
      track.play(1000 + 4800, 5100, 0.5); // audible frame 100 ms (RTP) later, played at 5100 ms
      clock.advance(100 + readLateMs);
      receiver.poll();
      // Onset between the two frames (RTP 3400, played at 5050 ms = context 10.05 heard, rendered +latency),
      // minus the 50 ms lead-in of silence.
      expect(started).toHaveLength(1);
      expect(started[0]).toMatchObject({ utteranceId: 'u1', sender, segment: 0, duration: 1 });
      expect(started[0]!.startTime).toBeCloseTo(10.05 + LATENCY - 0.05, 6);
      receiver.dispose();
    }
  });

  it('finishes after its duration on the audio clock, or at once when speech.end cuts it', () => {
    const { clock, receiver, track, started, finished } = setup();
    receiver.announce({ utteranceId: 'u1', sender, leadIn: 0, duration: 0.5 });
    track.play(0, 5000, 0);
    receiver.poll();
    track.play(960, 5020, 0.3);
    clock.advance(20);
    receiver.poll();
    const start = started[0]!.startTime;
    clock.advance(400);
    receiver.poll();
    expect(finished).toEqual([]);
    clock.advance(200);
    receiver.poll();
    expect(finished).toEqual([{ utteranceId: 'u1', sender, segment: 0, position: 0.5, interrupted: false }]);

    receiver.announce({ utteranceId: 'u2', sender, leadIn: 0, duration: 3 });
    track.play(960 + 48_000, 5700, 0); // quiet
    receiver.poll();
    track.play(960 + 48_000 + 9600, 5900, 0.4); // audible after 200 ms of silence
    receiver.poll();
    expect(started.map((s) => s.utteranceId)).toEqual(['u1', 'u2']);
    // Onsets mid-gap: u1 played at 5010 ms, u2 at 5800 ms (half of the 200 ms quiet gap before 5900 ms).
    expect(started[1]!.startTime - start).toBeCloseTo(0.79, 6);
    clock.advance(300);
    receiver.end('u2', true);
    expect(finished[1]).toMatchObject({ utteranceId: 'u2', interrupted: true });
    expect(finished[1]!.position).toBeGreaterThan(0.1);
    expect(finished[1]!.position).toBeLessThan(3);
    receiver.dispose();
  });

  it('needs silence before an onset: continuing sound does not start the next utterance', () => {
    const { receiver, track, started } = setup();
    receiver.announce({ utteranceId: 'u1', sender, leadIn: 0, duration: 5 });
    receiver.announce({ utteranceId: 'u2', sender, leadIn: 0, duration: 1 });
    track.play(0, 5000, 0);
    receiver.poll();
    for (let i = 1; i <= 20; i++) {
      track.play(i * 960, 5000 + i * 20, 0.5); // 400 ms of uninterrupted sound
      receiver.poll();
    }
    expect(started.map((s) => s.utteranceId)).toEqual(['u1']);
    receiver.dispose();
  });

  it('ignores sound from another sender and counts RTP time across the 32-bit wrap', () => {
    const { receiver, track, started } = setup();
    receiver.announce({
      utteranceId: 'u1',
      sender: { identity: 'agent-2', role: 'agent' },
      leadIn: 0,
      duration: 1,
    });
    track.play(0, 5000, 0);
    receiver.poll();
    track.play(4800, 5100, 0.5);
    receiver.poll();
    expect(started).toEqual([]);
    expect(rtpDelta(100, 2 ** 32 - 100)).toBe(200);
    expect(rtpDelta(2 ** 32 - 100, 100)).toBe(-200);
    receiver.dispose();
  });
});
