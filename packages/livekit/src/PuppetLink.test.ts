import {
  ArkitIndex,
  Channel,
  createSessionStore,
  IdleDriver,
  ManualClock,
  Mixer,
  SessionRouter,
  VisemeIndex,
} from '@digital-human/core';
import {
  createMessage,
  createOperatorFaceFrame,
  encodeFaceFrame,
  ROLE_ATTRIBUTE,
  Topic,
  topicFor,
} from '@digital-human/protocol';
import type { Room } from 'livekit-client';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { FakeLiveKitRoom, fakeAudioContext, fakeLiveKitModule } from '../test/FakeLiveKitRoom';
import { LiveKitTransport } from './LiveKitTransport';
import type { SecurityEvent } from './LiveKitTransportEvents';
import { PuppetLink } from './PuppetLink';
import type { PuppetLinkRoom, PuppetLinkTransport } from './PuppetLinkOptions';

const AGENT = 'agent-1';
const OPERATOR = 'op-1';
const FRAME_MS = 1000 / 60;

/** A customer's session over a fake room: transport → router → store, a mixer with idle life, the link. */
async function session() {
  const transport = new LiveKitTransport({
    getCredentials: async () => ({ url: 'ws://fake', token: 'fake' }),
    loadLiveKit: async () => fakeLiveKitModule(),
    audioContext: fakeAudioContext(),
  });
  const store = createSessionStore();
  const router = new SessionRouter({ store });
  router.attach(transport);
  const clock = new ManualClock();
  const mixer = new Mixer();
  mixer.addDriver(new IdleDriver());
  // No Web Audio in Node: the voice player is left out here (OperatorVoicePlayer has its browser test).
  const link = new PuppetLink(transport, { mixer, controller: store, clock, voice: false });
  await transport.connect();
  const room = FakeLiveKitRoom.created.at(-1)!;
  room.join(AGENT, { [ROLE_ATTRIBUTE]: 'agent' });
  room.join(OPERATOR, { [ROLE_ATTRIBUTE]: 'operator' });
  let seq = 0;
  /** `identity` sends one face frame with the jaw open at `jaw`. */
  const sendFrame = (identity: string, jaw: number) => {
    const f = createOperatorFaceFrame();
    seq += 1;
    f.seq = seq;
    f.timestampMs = seq * FRAME_MS;
    f.blendshapes[ArkitIndex.jawOpen] = jaw;
    const bytes = encodeFaceFrame(f);
    room.emit('dataReceived', bytes, room.remoteParticipants.get(identity), 1, Topic.face);
  };
  /** The agent (or operator) sets the controller, as the dialog service does. */
  const handoff = async (controller: 'ai' | 'human') => {
    const message = createMessage('handoff.state', { controller, pending: false });
    room.receive(AGENT, topicFor('handoff.state'), message);
    await vi.advanceTimersByTimeAsync(0);
  };
  /** `ms` of rendering at 60 fps while `identity` sends a frame per rendered frame; returns the last face. */
  const run = (ms: number, identity: string | null, jaw = 0.8) => {
    let face = mixer.update(clock.now(), 0);
    for (let t = 0; t < ms; t += FRAME_MS) {
      clock.advance(FRAME_MS / 1000);
      if (identity) sendFrame(identity, jaw);
      face = mixer.update(clock.now(), FRAME_MS / 1000);
    }
    return face;
  };
  return { transport, store, mixer, link, room, handoff, run };
}

describe('PuppetLink over a fake room', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('takes a livekit-client Room and a LiveKitTransport', () => {
    expectTypeOf<Room>().toExtend<PuppetLinkRoom>();
    expectTypeOf<LiveKitTransport>().toExtend<PuppetLinkTransport>();
  });

  it('human → the puppet owns the face; ai → released to the AI drivers', async () => {
    const { transport, mixer, link, handoff, run } = await session();
    const driving: boolean[] = [];
    link.on('driving', (e) => driving.push(e.driving));
    run(300, OPERATOR); // the operator is warming up while the AI still controls
    expect(link.driving).toBe(false);
    expect(mixer.ownerOf(Channel.mouth)).not.toBe(link.puppet);

    await handoff('human');
    expect(link.controller).toBe('human');
    expect(link.driving).toBe(true);
    const face = run(500, OPERATOR, 0.8);
    expect(mixer.ownerOf(Channel.mouth)).toBe(link.puppet);
    expect(mixer.ownerOf(Channel.blink)).toBe(link.puppet);
    expect(face.visemes[VisemeIndex.aa]).toBeGreaterThan(0.3); // the operator's open jaw

    await handoff('ai');
    expect(link.driving).toBe(false);
    const after = run(500, OPERATOR, 0.8); // frames keep coming: they no longer reach the face
    expect(mixer.ownerOf(Channel.mouth)).not.toBe(link.puppet);
    expect(after.visemes[VisemeIndex.aa]).toBeLessThan(0.05);
    expect(driving).toEqual([true, false]);
    link.dispose();
    await transport.dispose();
  });

  it('ignores frames from a customer-role sender, even while a human controls', async () => {
    const { transport, mixer, link, room, handoff, run } = await session();
    room.join('mallory', { [ROLE_ATTRIBUTE]: 'customer' });
    const security: SecurityEvent[] = [];
    let frames = 0;
    link.on('security', (e) => security.push(e));
    link.on('frame', () => frames++);
    await handoff('human');
    const face = run(500, 'mallory', 1);
    expect(frames).toBe(0);
    expect(link.puppet?.state).toBe('waiting');
    expect(mixer.ownerOf(Channel.mouth)).not.toBe(link.puppet);
    expect(face.visemes[VisemeIndex.aa]).toBeLessThan(0.05);
    expect(security.length).toBeGreaterThan(0);
    expect(security[0]).toMatchObject({ reason: 'forbidden-sender', sender: { identity: 'mallory' } });
    run(200, OPERATOR);
    expect(frames).toBeGreaterThan(0);
    link.dispose();
    await transport.dispose();
  });

  it('lets go of the room on disconnect and on dispose (listeners back where they were)', async () => {
    const { transport, mixer, link, room, handoff, run } = await session();
    await handoff('human');
    run(300, OPERATOR);
    expect(mixer.ownerOf(Channel.mouth)).toBe(link.puppet);
    await transport.disconnect();
    expect(link.puppet).toBeNull();
    expect(link.driving).toBe(false);
    expect(room.listenerCount('dataReceived')).toBe(0);
    run(500, null);
    expect(mixer.ownerOf(Channel.mouth)).toBeNull();

    await transport.connect(); // a new room: the link binds to it, the human still controls
    const next = FakeLiveKitRoom.created.at(-1)!;
    expect(next).not.toBe(room);
    expect(link.driving).toBe(true);
    expect(next.listenerCount('dataReceived')).toBeGreaterThan(0);
    link.dispose();
    expect(link.driving).toBe(false);
    // Only the transport's own data listener is left.
    expect(next.listenerCount('dataReceived')).toBe(1);
    expect(transport.events.listenerCount('connection')).toBe(1); // the router's
    await transport.dispose();
  });
});
