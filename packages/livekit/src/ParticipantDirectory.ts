import type { RemoteParticipant, Room } from 'livekit-client';

/** The room surface the directory reads (a livekit-client `Room`). */
export type DirectoryRoom = Pick<Room, 'remoteParticipants' | 'on' | 'off'>;

interface Waiter {
  readonly identity: string;
  readonly resolve: (attributes: Readonly<Record<string, string>> | undefined) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

/** Most senders waited for at once; beyond it, unknown senders resolve as unknown at once. */
const MAX_WAITERS = 64;

/**
 * Looks up a sender's server-set attributes. A data packet or stream can arrive before the signal message that
 * announces its sender: livekit-server batches the join of a participant that publishes no track on a 3-second
 * ticker (`subscriberUpdateInterval` in v1.13), so a data-only agent is announced up to 3 s after its first
 * packet. An unknown identity is therefore waited for instead of being treated as roleless; after `timeoutMs` it
 * resolves `undefined` (no role: the gate drops it).
 */
export class ParticipantDirectory {
  private readonly waiters = new Set<Waiter>();
  private readonly onConnected = (participant: RemoteParticipant) => {
    for (const waiter of this.waiters) {
      if (waiter.identity !== participant.identity) continue;
      this.settle(waiter, participant.attributes);
    }
  };

  /**
   * @param room - the room to read.
   * @param connectedEvent - livekit-client's `RoomEvent.ParticipantConnected` (passed in: the module loads lazily).
   * @param timeoutMs - how long to wait for an unknown sender (default 5000, above the server's 3 s batching).
   */
  constructor(
    private readonly room: DirectoryRoom,
    private readonly connectedEvent: 'participantConnected',
    private readonly timeoutMs = 5000,
  ) {
    room.on(connectedEvent, this.onConnected);
  }

  /** The attributes of `identity`, waiting up to `timeoutMs` for it to be announced; undefined when it never is. */
  attributesOf(identity: string): Promise<Readonly<Record<string, string>> | undefined> {
    const known = this.room.remoteParticipants.get(identity);
    if (known || identity === '' || this.waiters.size >= MAX_WAITERS)
      return Promise.resolve(known?.attributes);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        identity,
        resolve,
        timer: setTimeout(() => this.settle(waiter, undefined), this.timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** Stops listening; pending lookups resolve as unknown. */
  dispose(): void {
    this.room.off(this.connectedEvent, this.onConnected);
    for (const waiter of this.waiters) this.settle(waiter, undefined);
  }

  private settle(waiter: Waiter, attributes: Readonly<Record<string, string>> | undefined): void {
    if (!this.waiters.delete(waiter)) return;
    clearTimeout(waiter.timer);
    waiter.resolve(attributes);
  }
}
