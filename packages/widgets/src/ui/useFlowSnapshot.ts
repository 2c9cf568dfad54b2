import { useSyncExternalStore } from 'react';

/** Anything with a `subscribe`/`getSnapshot` pair, like a flow model. */
export interface SnapshotSource<T> {
  subscribe(fn: () => void): () => void;
  getSnapshot(): T;
}

/** The current snapshot of a flow model; re-renders on every change. */
export function useFlowSnapshot<T>(source: SnapshotSource<T>): T {
  return useSyncExternalStore(source.subscribe, source.getSnapshot, source.getSnapshot);
}
