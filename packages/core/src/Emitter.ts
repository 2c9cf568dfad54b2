/**
 * A listener of one event type; it receives that event's payload.
 * @typeParam Payload - the payload type of the event (`void` for events without one).
 */
export type Listener<Payload> = (payload: Payload) => void;

/** Arguments of `emit` for a payload type: none for `void`/`undefined` events, the payload otherwise. */
export type EmitArgs<Payload> = [Payload] extends [undefined] ? [] | [Payload] : [Payload];

/** Reports a listener that threw. `type` is the event it was listening to. */
export type ListenerErrorHandler = (error: unknown, type: PropertyKey) => void;

/** Options of an {@link Emitter}. */
export interface EmitterOptions {
  /**
   * Called when a listener throws. The remaining listeners still run. Default: `console.error` with a
   * `'DigitalHuman: '`-prefixed message, so a broken listener in an app never stops a frame or another listener.
   */
  onListenerError?: ListenerErrorHandler;
}

interface Entry<Payload> {
  readonly fn: Listener<Payload>;
  readonly once: boolean;
}

/** The default {@link ListenerErrorHandler}: logs through `console.error`. */
export const reportListenerError: ListenerErrorHandler = (error, type) => {
  console.error(`DigitalHuman: a listener of "${String(type)}" threw`, error);
};

/**
 * A typed event emitter with one event map per emitter: the keys are event names, the values their payloads.
 *
 * ```ts
 * interface MixerEvents { ownerchange: { channel: Channel; from: Driver | null; to: Driver | null } }
 * const events = new Emitter<MixerEvents>();
 * const off = events.on('ownerchange', (e) => ...);
 * off();
 * ```
 *
 * - Listeners run in the order they were added. A listener that throws is reported through
 *   {@link EmitterOptions.onListenerError} (default `console.error`) and the others still run; `emit` never throws.
 * - Adding or removing listeners during an `emit` does not change who receives that emission: the listener lists
 *   are copied on write, so `emit` iterates without copying them.
 * - Adding the same function twice registers it twice; `off` removes one registration.
 *
 * @typeParam Events - the event map, e.g. `{ ready: void; error: DigitalHumanError }`.
 */
export class Emitter<Events extends object> {
  private readonly lists = new Map<keyof Events, readonly Entry<never>[]>();
  private readonly onListenerError: ListenerErrorHandler;

  constructor(options?: EmitterOptions) {
    this.onListenerError = options?.onListenerError ?? reportListenerError;
  }

  /** Adds `fn` for `type`; returns the function that removes it. */
  on<K extends keyof Events>(type: K, fn: Listener<Events[K]>): () => void {
    return this.add(type, fn, false);
  }

  /** Adds `fn` for the next `type` event only; returns the function that removes it before it fires. */
  once<K extends keyof Events>(type: K, fn: Listener<Events[K]>): () => void {
    return this.add(type, fn, true);
  }

  /** Removes one registration of `fn` for `type` (added with `on` or `once`). Unknown functions are ignored. */
  off<K extends keyof Events>(type: K, fn: Listener<Events[K]>): void {
    const list = this.list(type);
    const index = list.findIndex((entry) => entry.fn === fn);
    if (index < 0) return;
    this.setList(
      type,
      list.filter((_, i) => i !== index),
    );
  }

  /** Calls every listener of `type` with `payload`. Returns whether there was any listener. */
  emit<K extends keyof Events>(type: K, ...args: EmitArgs<Events[K]>): boolean {
    const list = this.list(type);
    if (list.length === 0) return false;
    const payload = args[0] as Events[K];
    for (let i = 0; i < list.length; i++) {
      const entry = list[i]!;
      if (entry.once) this.removeEntry(type, entry);
      try {
        entry.fn(payload);
      } catch (error) {
        this.onListenerError(error, type);
      }
    }
    return true;
  }

  /** Removes every listener of `type`, or of every type when `type` is omitted. */
  removeAllListeners(type?: keyof Events): void {
    if (type === undefined) this.lists.clear();
    else this.lists.delete(type);
  }

  /** Number of listeners of `type`. */
  listenerCount(type: keyof Events): number {
    return this.list(type).length;
  }

  private add<K extends keyof Events>(type: K, fn: Listener<Events[K]>, once: boolean): () => void {
    const entry: Entry<Events[K]> = { fn, once };
    this.setList(type, [...this.list(type), entry]);
    return () => this.removeEntry(type, entry);
  }

  private removeEntry<K extends keyof Events>(type: K, entry: Entry<Events[K]>): void {
    const list = this.list(type);
    if (!list.includes(entry)) return;
    this.setList(
      type,
      list.filter((e) => e !== entry),
    );
  }

  private list<K extends keyof Events>(type: K): readonly Entry<Events[K]>[] {
    return (this.lists.get(type) ?? EMPTY) as readonly Entry<Events[K]>[];
  }

  private setList<K extends keyof Events>(type: K, list: readonly Entry<Events[K]>[]): void {
    if (list.length === 0) this.lists.delete(type);
    else this.lists.set(type, list as readonly Entry<never>[]);
  }
}

const EMPTY: readonly Entry<never>[] = Object.freeze([]);
