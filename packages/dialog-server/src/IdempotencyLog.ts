/**
 * Remembers the idempotency ids of customer messages (`user.text`, `user.action`): the browser re-sends until it
 * sees the ack, and each id must be handled once. Bounded: the oldest ids are forgotten past `limit`.
 */
export class IdempotencyLog {
  private readonly ids = new Set<string>();

  constructor(private readonly limit = 1024) {}

  /** Records `id`; returns true when it was seen before (a repeat: ack it again, don't handle it). */
  seen(id: string): boolean {
    if (this.ids.has(id)) return true;
    this.ids.add(id);
    if (this.ids.size > this.limit) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    return false;
  }

  /** How many ids are remembered. */
  get size(): number {
    return this.ids.size;
  }

  /** Forgets every id. */
  clear(): void {
    this.ids.clear();
  }
}
