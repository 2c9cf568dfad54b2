import { createFaceFrame, resetFaceFrame, VisemeIndex } from '@digital-human/core';
import type { Room } from 'livekit-client';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { SecurityEvent } from './LiveKitTransportEvents';
import {
  OperatorVoicePlayer,
  type OperatorVoicePlayerRoom,
  type OperatorVoiceRemoteTrack,
  type OperatorVoiceTrackListener,
} from './OperatorVoicePlayer';

/** A room stand-in whose track events the test fires. */
function fakeRoom() {
  const listeners = new Map<string, Set<OperatorVoiceTrackListener>>();
  const room: OperatorVoicePlayerRoom = {
    on: (event, fn) => listeners.set(event, (listeners.get(event) ?? new Set()).add(fn)),
    off: (event, fn) => listeners.get(event)?.delete(fn),
  };
  const fire = (event: string, track: OperatorVoiceRemoteTrack, identity: string, role: string) => {
    for (const fn of listeners.get(event) ?? []) fn(track, {}, { identity, attributes: { 'dh.role': role } });
  };
  return { room, fire, listeners };
}

/** A remote-track stand-in carrying a loud 180 Hz tone made in `context`. */
/** A 180 Hz tone track; `attached` counts attach() calls and `elements` keeps every element it handed out. */
function toneTrack(
  context: AudioContext,
): OperatorVoiceRemoteTrack & { attached: number; elements: HTMLMediaElement[] } {
  const osc = new OscillatorNode(context, { frequency: 180 });
  const gain = new GainNode(context, { gain: 0.5 });
  const dest = context.createMediaStreamDestination();
  osc.connect(gain).connect(dest);
  osc.start();
  const track = dest.stream.getAudioTracks()[0]!;
  const live: HTMLMediaElement[] = [];
  return {
    kind: 'audio',
    mediaStreamTrack: track,
    attached: 0,
    elements: [],
    attach() {
      this.attached++;
      const el = document.createElement('audio');
      el.srcObject = new MediaStream([track]);
      live.push(el);
      this.elements.push(el);
      return el;
    },
    detach: () => live.splice(0),
  };
}

/** Runs the lip-sync until its mouth opens (or `ms` pass); returns the largest `aa`. */
async function mouthOver(player: OperatorVoicePlayer, ms: number): Promise<number> {
  const out = createFaceFrame();
  let max = 0;
  const end = performance.now() + ms;
  while (performance.now() < end) {
    await new Promise((r) => setTimeout(r, 20));
    resetFaceFrame(out);
    player.lipsync.update(performance.now() / 1000, 0.02, out);
    max = Math.max(max, out.visemes[VisemeIndex.aa]!);
  }
  return max;
}

describe('OperatorVoicePlayer', () => {
  it('accepts a livekit-client Room', () => {
    expectTypeOf<Room>().toExtend<OperatorVoicePlayerRoom>();
  });

  it("plays an operator's voice and opens the fallback mouth with it; refuses a customer's track", async () => {
    const context = new AudioContext();
    await context.resume();
    const { room, fire, listeners } = fakeRoom();
    const player = new OperatorVoicePlayer(room, context);
    const voices: (string | null)[] = [];
    const security: SecurityEvent[] = [];
    player.on('voice', (e) => voices.push(e.track ? e.identity : null));
    player.on('security', (e) => security.push(e));

    const forged = toneTrack(context);
    fire('trackSubscribed', forged, 'mallory', 'customer');
    expect(forged.attached).toBe(0);
    expect(security.map((e) => [e.sender.identity, e.reason])).toEqual([['mallory', 'forbidden-sender']]);
    expect(await mouthOver(player, 300)).toBe(0); // a customer's audio moves nothing

    const voice = toneTrack(context);
    fire('trackSubscribed', voice, 'op-1', 'operator');
    expect(voice.attached).toBe(1);
    expect(await mouthOver(player, 600)).toBeGreaterThan(0.5);

    fire('trackUnsubscribed', voice, 'op-1', 'operator');
    expect(voices).toEqual(['op-1', null]);
    player.dispose();
    expect([...listeners.values()].every((set) => set.size === 0)).toBe(true);
    await context.close();
  });

  it('routed into an output: silent there until setAudible(true), the lip-sync listening all along', async () => {
    const context = new AudioContext();
    await context.resume();
    const { room, fire } = fakeRoom();
    const meter = new AnalyserNode(context, { fftSize: 1024 });
    const player = new OperatorVoicePlayer(room, context, { output: meter, audible: false });
    const voice = toneTrack(context);
    const { elements } = voice;
    fire('trackSubscribed', voice, 'op-1', 'operator');
    expect(elements.map((el) => el.muted)).toEqual([true]); // heard through the output only
    const block = new Float32Array(meter.fftSize);
    const level = () => {
      meter.getFloatTimeDomainData(block);
      return Math.sqrt(block.reduce((sum, x) => sum + x * x, 0) / block.length);
    };
    expect(await mouthOver(player, 400)).toBeGreaterThan(0.5);
    expect(level()).toBeLessThan(0.001);
    player.setAudible(true);
    expect(player.audible).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(level()).toBeGreaterThan(0.1); // the 0.5 tone, faded in
    player.setAudible(false);
    await new Promise((r) => setTimeout(r, 200));
    expect(level()).toBeLessThan(0.01);
    player.dispose();
    await context.close();
  });

  it('without an output, setAudible mutes and unmutes the media elements (inaudible from the start if asked)', async () => {
    const context = new AudioContext();
    const { room, fire } = fakeRoom();
    const player = new OperatorVoicePlayer(room, context, { audible: false });
    const voice = toneTrack(context);
    const { elements } = voice;
    fire('trackSubscribed', voice, 'op-1', 'operator');
    expect(elements.map((el) => el.muted)).toEqual([true]);
    player.setAudible(true);
    expect(elements.map((el) => el.muted)).toEqual([false]);
    player.setAudible(false);
    expect(elements.map((el) => el.muted)).toEqual([true]);
    player.dispose();
    await context.close();
  });
});
