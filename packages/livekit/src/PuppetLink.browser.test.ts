import { Channel, Emitter, IdleDriver, Mixer, VisemeIndex } from '@digital-human/core';
import { describe, expect, it } from 'vitest';
import type { ConnectionChange } from './LiveKitTransportEvents';
import type { OperatorFramesDataListener } from './OperatorFrames';
import type { OperatorVoiceRemoteTrack, OperatorVoiceTrackListener } from './OperatorVoicePlayer';
import { PuppetLink } from './PuppetLink';
import type { PuppetLinkRoom, PuppetLinkTransport } from './PuppetLinkOptions';

/** A fake joined room (the SFU boundary): the test fires its track events. */
function fakeRoom() {
  const tracks = new Map<string, Set<OperatorVoiceTrackListener>>();
  const data = new Set<OperatorFramesDataListener>();
  const room: PuppetLinkRoom = {
    on: (event: string, fn: never) => {
      if (event === 'dataReceived') data.add(fn);
      else tracks.set(event, (tracks.get(event) ?? new Set()).add(fn));
    },
    off: (event: string, fn: never) => {
      if (event === 'dataReceived') data.delete(fn);
      else tracks.get(event)?.delete(fn);
    },
    remoteParticipants: new Map(),
    localParticipant: { publishData: async () => {} },
  };
  const subscribe = (track: OperatorVoiceRemoteTrack, identity: string, role: string) => {
    for (const fn of tracks.get('trackSubscribed') ?? [])
      fn(track, {}, { identity, attributes: { 'dh.role': role } });
  };
  const listeners = () => data.size + [...tracks.values()].reduce((n, set) => n + set.size, 0);
  return { room, subscribe, listeners };
}

/** A remote-track stand-in carrying a loud 180 Hz tone made in `context`. */
function toneTrack(context: AudioContext): OperatorVoiceRemoteTrack {
  const osc = new OscillatorNode(context, { frequency: 180 });
  const dest = context.createMediaStreamDestination();
  osc.connect(new GainNode(context, { gain: 0.5 })).connect(dest);
  osc.start();
  const track = dest.stream.getAudioTracks()[0]!;
  return {
    kind: 'audio',
    mediaStreamTrack: track,
    attach: () => Object.assign(document.createElement('audio'), { srcObject: new MediaStream([track]) }),
    detach: () => [],
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('PuppetLink (Chromium audio)', () => {
  it("the operator's voice is heard only while a human controls, and opens the puppet's mouth without face data", async () => {
    const context = new AudioContext();
    await context.resume();
    const { room, subscribe, listeners } = fakeRoom();
    const transport: PuppetLinkTransport = {
      room,
      audioContext: context,
      events: new Emitter<{ connection: ConnectionChange }>(),
    };
    const meter = new AnalyserNode(context, { fftSize: 1024 });
    const mixer = new Mixer();
    mixer.addDriver(new IdleDriver());
    const link = new PuppetLink(transport, { mixer, voice: { output: meter } });
    subscribe(toneTrack(context), 'op-1', 'operator');
    const block = new Float32Array(meter.fftSize);
    const level = () => {
      meter.getFloatTimeDomainData(block);
      return Math.sqrt(block.reduce((sum, x) => sum + x * x, 0) / block.length);
    };
    /** Renders `ms` of frames on the page's clock; returns the largest `aa`. */
    const render = async (ms: number) => {
      let aa = 0;
      for (const end = performance.now() + ms; performance.now() < end; ) {
        await sleep(16);
        aa = Math.max(aa, mixer.update(performance.now() / 1000, 0.016).visemes[VisemeIndex.aa]!);
      }
      return aa;
    };

    expect(await render(300)).toBeLessThan(0.05); // the AI controls: the operator's voice moves nothing
    expect(level()).toBeLessThan(0.001);

    link.setController('human');
    const aa = await render(600);
    expect(level()).toBeGreaterThan(0.1);
    expect(mixer.ownerOf(Channel.mouth)).toBe(link.puppet); // the voice-driven fallback mouth
    expect(aa).toBeGreaterThan(0.3);

    link.setController('ai');
    await render(300);
    expect(level()).toBeLessThan(0.01);
    expect(mixer.ownerOf(Channel.mouth)).not.toBe(link.puppet);

    link.dispose();
    expect(listeners()).toBe(0);
    mixer.dispose();
    await context.close();
  });
});
