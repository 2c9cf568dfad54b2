/**
 * A minimal typed event emitter: one event map per emitter, `on` returns its unsubscribe.
 * Local to lipsync until `@digital-human/core` exports a shared one.
 */
// biome-ignore lint/suspicious/noExplicitAny: listener maps need a variance-free constraint
export class Emitter<Events extends Record<keyof Events, (...args: any[]) => void>> {
  private readonly listeners = new Map<keyof Events, Set<Events[keyof Events]>>();

  /** Subscribes to `event`; returns the unsubscribe. */
  on<K extends keyof Events>(event: K, listener: Events[K]): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  /** Calls every listener of `event`; a throwing listener does not stop the others. */
  emit<K extends keyof Events>(event: K, ...args: Parameters<Events[K]>): void {
    const set = this.listeners.get(event);
    if (!set) return;
    for (const listener of set) {
      try {
        (listener as (...a: Parameters<Events[K]>) => void)(...args);
      } catch (error) {
        console.error('lipsync: event listener threw', error);
      }
    }
  }

  /** Number of listeners (all events), for leak tests. */
  get listenerCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  /** Removes every listener. */
  clear(): void {
    this.listeners.clear();
  }
}
