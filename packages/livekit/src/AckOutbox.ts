import { LiveKitTransportError } from './LiveKitTransportError';

/** Publishes one encoded message on its topic (the room's reliable data channel). */
export type OutboxPublish = (topic: string, payload: Uint8Array) => Promise<void>;

/** Options of an {@link AckOutbox}. */
export interface AckOutboxOptions {
  /** First retry this long after a send that was not acknowledged, ms (default 1000). */
  readonly initialDelayMs?: number;
  /** Retries back off by doubling up to this delay, ms (default 16000). */
  readonly maxDelayMs?: number;
  /** Most unacknowledged messages kept; beyond it `add()` refuses (default 64). */
  readonly maxPending?: number;
}

interface Pending {
  readonly id: string;
  readonly topic: string;
  readonly payload: Uint8Array;
  /** Sends so far (the next retry waits `initialDelayMs * 2^(attempts-1)`). */
  attempts: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * Keeps the customer's user actions and texts until the service acknowledges their idempotency id: sends each at
 * once when online, retries with exponential backoff while no `ack` arrives, holds everything while the connection
 * is down (across reconnects, even a `disconnect()`/`connect()`), and sends it all again when it comes back. The
 * service handles each id once, so a retry never repeats a turn.
 */
export class AckOutbox {
  private readonly pending = new Map<string, Pending>();
  private readonly initialDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxPending: number;
  private online = false;

  constructor(
    private readonly publish: OutboxPublish,
    options: AckOutboxOptions = {},
  ) {
    this.initialDelayMs = options.initialDelayMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 16_000;
    this.maxPending = options.maxPending ?? 64;
  }

  /** Ids still waiting for their ack, oldest first. */
  get pendingIds(): readonly string[] {
    return [...this.pending.keys()];
  }

  /**
   * Keeps a message until `ack(id)`. Online, it is published now and the promise settles with that first attempt
   * (a failed attempt still stays queued for the retries); offline it resolves at once, queued.
   * @throws {@link LiveKitTransportError} `send_failed` when `maxPending` messages already wait for their ack.
   */
  add(id: string, topic: string, payload: Uint8Array): Promise<void> {
    const known = this.pending.get(id);
    if (known) return this.online ? this.attempt(known) : Promise.resolve();
    if (this.pending.size >= this.maxPending) {
      const error = LiveKitTransportError.sendFailed(`${this.maxPending} messages already wait for an ack`);
      return Promise.reject(error);
    }
    const entry: Pending = { id, topic, payload, attempts: 0, timer: undefined };
    this.pending.set(id, entry);
    return this.online ? this.attempt(entry) : Promise.resolve();
  }

  /** The service acknowledged `id`: stop retrying it. Returns false for an id that was not waiting. */
  ack(id: string): boolean {
    const entry = this.pending.get(id);
    if (!entry) return false;
    clearTimeout(entry.timer);
    this.pending.delete(id);
    return true;
  }

  /**
   * Online: sends everything that waits, oldest first, with the backoff restarted. Offline: stops the retry timers
   * (nothing is dropped).
   */
  setOnline(online: boolean): void {
    this.online = online;
    for (const entry of this.pending.values()) {
      clearTimeout(entry.timer);
      entry.timer = undefined;
      entry.attempts = 0;
      if (online) void this.attempt(entry).catch(() => undefined);
    }
  }

  /** Stops every timer and forgets what waits. */
  dispose(): void {
    this.online = false;
    for (const entry of this.pending.values()) clearTimeout(entry.timer);
    this.pending.clear();
  }

  private attempt(entry: Pending): Promise<void> {
    clearTimeout(entry.timer);
    entry.attempts += 1;
    const delay = Math.min(this.maxDelayMs, this.initialDelayMs * 2 ** (entry.attempts - 1));
    entry.timer = setTimeout(() => this.retry(entry), delay);
    return this.publish(entry.topic, entry.payload);
  }

  private retry(entry: Pending): void {
    entry.timer = undefined;
    if (!this.online || this.pending.get(entry.id) !== entry) return;
    void this.attempt(entry).catch(() => undefined);
  }
}
