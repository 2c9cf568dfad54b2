/**
 * A minimal typed emitter with the same surface as core's `Emitter` (`on`, `once`, `off`, `emit`,
 * `removeAllListeners`), kept local until core exports its own; swap the import then.
 * A listener that throws is isolated: the others still run and `emit` never throws.
 *
 * @typeParam Events - the event map: event names to payload types.
 */
export class TypedEmitter<Events extends object> {
  private readonly lists = new Map<keyof Events, ReadonlyArray<(payload: never) => void>>();

  /** Adds `fn` for `type`; returns the function that removes it. */
  on<K extends keyof Events>(type: K, fn: (payload: Events[K]) => void): () => void {
    this.lists.set(type, [...(this.lists.get(type) ?? []), fn as (payload: never) => void]);
    return () => this.off(type, fn);
  }

  /** Adds `fn` for the next `type` event only; returns the function that removes it. */
  once<K extends keyof Events>(type: K, fn: (payload: Events[K]) => void): () => void {
    const off = this.on(type, (payload) => {
      off();
      fn(payload);
    });
    return off;
  }

  /** Removes one registration of `fn`. */
  off<K extends keyof Events>(type: K, fn: (payload: Events[K]) => void): void {
    const list = this.lists.get(type);
    if (!list) return;
    const index = list.indexOf(fn as (payload: never) => void);
    if (index < 0) return;
    const next = list.filter((_, i) => i !== index);
    if (next.length === 0) this.lists.delete(type);
    else this.lists.set(type, next);
  }

  /** Calls the listeners of `type`; returns whether there were any. */
  emit<K extends keyof Events>(type: K, payload: Events[K]): boolean {
    const list = this.lists.get(type) as ReadonlyArray<(payload: Events[K]) => void> | undefined;
    if (!list) return false;
    for (const fn of list) {
      try {
        fn(payload);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
    return true;
  }

  /** Removes every listener. */
  removeAllListeners(): void {
    this.lists.clear();
  }

  /** Number of listeners of `type`. */
  listenerCount(type: keyof Events): number {
    return this.lists.get(type)?.length ?? 0;
  }
}
