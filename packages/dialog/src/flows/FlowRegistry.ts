import { DialogError } from '../DialogError';
import type { FlowHook, FlowId } from './FlowHook';

/** Events of a {@link FlowRegistry}. */
export interface FlowRegistryEvents {
  /** A hook was registered or unregistered. */
  change: (flow: FlowId, hook: FlowHook | undefined) => void;
}

/**
 * The hooks the engine can route to, one per flow id. The engine never invents a flow: an unregistered flow is
 * answered with a polite "not available here".
 */
export class FlowRegistry {
  private readonly hooks = new Map<FlowId, FlowHook>();
  private readonly listeners = { change: new Set<FlowRegistryEvents['change']>() };

  /** Registers `hook` for its flow; throws 'flow-exists' if one is already there. Returns the unregister function. */
  register(hook: FlowHook): () => void {
    if (this.hooks.has(hook.flow)) throw DialogError.flowExists(hook.flow);
    this.hooks.set(hook.flow, hook);
    for (const l of this.listeners.change) l(hook.flow, hook);
    return () => {
      if (this.hooks.get(hook.flow) !== hook) return;
      this.hooks.delete(hook.flow);
      for (const l of this.listeners.change) l(hook.flow, undefined);
    };
  }

  /** The hook for `flow`, if registered. */
  get(flow: FlowId): FlowHook | undefined {
    return this.hooks.get(flow);
  }

  /** True when a hook is registered for `flow`. */
  has(flow: FlowId): boolean {
    return this.hooks.has(flow);
  }

  /** The registered flow ids. */
  list(): FlowId[] {
    return [...this.hooks.keys()];
  }

  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends keyof FlowRegistryEvents>(event: E, listener: FlowRegistryEvents[E]): () => void {
    const set = this.listeners[event];
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }
}
