import { ArkitIndex, Channel, ManualClock, Mixer, PuppetDriver, VisemeIndex } from '@digital-human/core';
import { createOperatorFaceFrame, encodeFaceFrame, FACE_FRAME_BYTES } from '@digital-human/protocol';
import type { Room } from 'livekit-client';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { SecurityEvent } from './LiveKitTransportEvents';
import { OperatorFrames, type OperatorFramesDataListener, type OperatorFramesRoom } from './OperatorFrames';

interface Sent {
  data: Uint8Array;
  options: { reliable?: boolean; topic?: string } | undefined;
}

/** Two fake rooms on one fake SFU: what one publishes, the other receives from `identity` with its attributes. */
function fakeRooms() {
  const listeners = new Set<OperatorFramesDataListener>();
  const remote = new Map<string, { attributes: Record<string, string> }>();
  const sent: Sent[] = [];
  const customerRoom: OperatorFramesRoom = {
    on: (_e, fn) => listeners.add(fn),
    off: (_e, fn) => listeners.delete(fn),
    remoteParticipants: remote,
    localParticipant: { publishData: async () => {} },
  };
  /** A room for a sender with `role`, whose packets reach the customer's room. */
  const senderRoom = (identity: string, role: string | null): OperatorFramesRoom => {
    const attributes: Record<string, string> = role ? { 'dh.role': role } : {};
    remote.set(identity, { attributes });
    return {
      on: () => {},
      off: () => {},
      remoteParticipants: new Map(),
      localParticipant: {
        publishData: async (data, options) => {
          sent.push({ data, options });
          for (const fn of listeners) fn(data.slice(), { identity, attributes }, 1, options?.topic);
        },
      },
    };
  };
  return { customerRoom, senderRoom, sent, listeners };
}

function operatorFrame(seq: number, jaw: number) {
  const f = createOperatorFaceFrame();
  f.seq = seq;
  f.timestampMs = 1000 + seq * 33;
  f.blendshapes[ArkitIndex.jawOpen] = jaw;
  f.blendshapes[ArkitIndex.mouthSmileLeft] = 0.4;
  f.headYaw = 0.2;
  f.gazePitch = -0.05;
  return f;
}

describe('OperatorFrames', () => {
  it('accepts a livekit-client Room', () => {
    expectTypeOf<Room>().toExtend<OperatorFramesRoom>();
  });

  it('round-trips frames from an operator: lossy on dh.face, decoded within the codec quantisation', async () => {
    const { customerRoom, senderRoom, sent } = fakeRooms();
    const receiver = new OperatorFrames(customerRoom, { receiveOnly: true });
    const sender = new OperatorFrames(senderRoom('op-1', 'operator'));
    const got: { seq: number; jaw: number; yaw: number; gaze: number; identity: string }[] = [];
    receiver.on('frame', ({ frame, sender: from }) =>
      got.push({
        seq: frame.seq,
        jaw: frame.blendshapes[ArkitIndex.jawOpen]!,
        yaw: frame.headYaw,
        gaze: frame.gazePitch,
        identity: from.identity,
      }),
    );
    const buffer = new Uint8Array(FACE_FRAME_BYTES);
    for (let k = 0; k < 5; k++) await sender.publish(encodeFaceFrame(operatorFrame(k, k / 5), buffer));
    expect(sent.every((s) => s.options?.reliable === false && s.options.topic === 'dh.face')).toBe(true);
    expect(sent.every((s) => s.data.length === FACE_FRAME_BYTES && s.data.length < 200)).toBe(true);
    expect(sent[0]!.data).not.toBe(sent[1]!.data); // copied: the capture loop may reuse its buffer
    expect(got.map((g) => g.seq)).toEqual([0, 1, 2, 3, 4]);
    got.forEach((g, k) => {
      expect(g.jaw).toBeCloseTo(k / 5, 2);
      expect(g.yaw).toBeCloseTo(0.2, 3);
      expect(g.gaze).toBeCloseTo(-0.05, 3);
      expect(g.identity).toBe('op-1');
    });
    await expect(receiver.publish(sent[0]!.data)).rejects.toMatchObject({ code: 'send_failed' });
    await expect(sender.publish(new Uint8Array(10))).rejects.toMatchObject({ code: 'send_failed' });
  });

  it('drops frames from customers, agents and role-less senders with a security event', async () => {
    const { customerRoom, senderRoom } = fakeRooms();
    const receiver = new OperatorFrames(customerRoom);
    const frames: number[] = [];
    const security: SecurityEvent[] = [];
    receiver.on('frame', ({ frame }) => frames.push(frame.seq));
    receiver.on('security', (e) => security.push(e));
    const bytes = encodeFaceFrame(operatorFrame(7, 1));
    await new OperatorFrames(senderRoom('mallory', 'customer')).publish(bytes);
    await new OperatorFrames(senderRoom('bot', 'agent')).publish(bytes);
    await new OperatorFrames(senderRoom('ghost', null)).publish(bytes);
    expect(frames).toEqual([]);
    expect(security.map((e) => [e.sender.identity, e.reason])).toEqual([
      ['mallory', 'forbidden-sender'],
      ['bot', 'forbidden-sender'],
      ['ghost', 'untrusted-role'],
    ]);
  });

  it('a customer-role sender changes nothing on the avatar; the same bytes from the operator do', async () => {
    const { customerRoom, senderRoom } = fakeRooms();
    const clock = new ManualClock();
    const puppet = new PuppetDriver({ clock });
    const mixer = new Mixer();
    mixer.addDriver(puppet);
    const receiver = new OperatorFrames(customerRoom);
    receiver.on('frame', ({ frame }) => puppet.push(frame));
    const forger = new OperatorFrames(senderRoom('mallory', 'customer'));
    const operator = new OperatorFrames(senderRoom('op-1', 'operator'));
    const run = async (from: OperatorFrames) => {
      let aa = 0;
      for (let n = 0; n < 60; n++) {
        clock.set(clock.now() + 1 / 60);
        if (n % 2 === 0) await from.publish(encodeFaceFrame(operatorFrame(n / 2, 0.8)));
        aa = Math.max(aa, mixer.update(clock.now(), 1 / 60).visemes[VisemeIndex.aa]!);
      }
      return aa;
    };
    expect(await run(forger)).toBe(0);
    expect(puppet.state).toBe('waiting');
    expect(mixer.ownerOf(Channel.mouth)).toBeNull();
    expect(await run(operator)).toBeGreaterThan(0.5);
    expect(mixer.ownerOf(Channel.mouth)).toBe(puppet);
  });

  it('reports undecodable operator packets as rejected, ignores other topics, and stops on dispose', () => {
    const { customerRoom, listeners } = fakeRooms();
    const receiver = new OperatorFrames(customerRoom);
    const rejected: string[] = [];
    let frames = 0;
    receiver.on('rejected', (e) => rejected.push(e.code));
    receiver.on('frame', () => frames++);
    const op = { identity: 'op-1', attributes: { 'dh.role': 'operator' } };
    const bytes = encodeFaceFrame(operatorFrame(1, 0.5));
    for (const fn of listeners) {
      fn(bytes.subarray(0, 20), op, 1, 'dh.face');
      fn(bytes, op, 1, 'dh.ui');
      fn(bytes, op, 1, 'dh.face');
    }
    expect(rejected).toEqual(['malformed']);
    expect(frames).toBe(1);
    receiver.dispose();
    expect(listeners.size).toBe(0);
  });
});
