import { EventEmitter } from 'node:events';
import type { RemoteParticipant } from 'livekit-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type DirectoryRoom, ParticipantDirectory } from './ParticipantDirectory';

/** A stand-in for a livekit-client Room: a map of participants and an emitter. */
function fakeRoom() {
  const emitter = new EventEmitter();
  const remoteParticipants = new Map<string, RemoteParticipant>();
  const room = {
    remoteParticipants,
    on: (event: string, fn: (participant: RemoteParticipant) => void) => emitter.on(event, fn),
    off: (event: string, fn: (participant: RemoteParticipant) => void) => emitter.off(event, fn),
  } as unknown as DirectoryRoom;
  const join = (identity: string, role: string) => {
    const participant = { identity, attributes: { 'dh.role': role } } as unknown as RemoteParticipant;
    remoteParticipants.set(identity, participant);
    emitter.emit('participantConnected', participant);
  };
  return { room, join, emitter };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('ParticipantDirectory', () => {
  it('answers at once for a known participant', async () => {
    const { room, join } = fakeRoom();
    join('agent-1', 'agent');
    const directory = new ParticipantDirectory(room, 'participantConnected');
    expect(await directory.attributesOf('agent-1')).toEqual({ 'dh.role': 'agent' });
  });

  it('waits for a sender announced after its first packet, in arrival order', async () => {
    const { room, join } = fakeRoom();
    const directory = new ParticipantDirectory(room, 'participantConnected');
    const order: string[] = [];
    const first = directory.attributesOf('agent-1').then((a) => order.push(`1:${a?.['dh.role']}`));
    const second = directory.attributesOf('agent-1').then((a) => order.push(`2:${a?.['dh.role']}`));
    join('operator-1', 'operator');
    expect(order).toEqual([]);
    join('agent-1', 'agent');
    await Promise.all([first, second]);
    expect(order).toEqual(['1:agent', '2:agent']);
  });

  it('gives up after the timeout, and dispose() releases waiters and its listener', async () => {
    vi.useFakeTimers();
    const { room, emitter } = fakeRoom();
    const directory = new ParticipantDirectory(room, 'participantConnected', 1000);
    const late = directory.attributesOf('ghost');
    vi.advanceTimersByTime(1000);
    expect(await late).toBeUndefined();
    const pending = directory.attributesOf('ghost-2');
    directory.dispose();
    expect(await pending).toBeUndefined();
    expect(emitter.listenerCount('participantConnected')).toBe(0);
    expect(await directory.attributesOf('')).toBeUndefined();
  });
});
