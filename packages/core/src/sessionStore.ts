import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Controller } from './Mixer';

/** State of the link to the dialog service. */
export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'disconnected';
/** Who said a caption. */
export type Speaker = 'agent' | 'operator' | 'customer';
/** Languages of the UI and speech. */
export type Language = 'zh-CN' | 'en';
/** State of the 3D avatar: `fallback` = shown as portrait + captions (e.g. no WebGL). */
export type AvatarStatus = 'loading' | 'ready' | 'fallback' | 'error';

/** One line of captions. Interim captions (`final: false`) are replaced in place by id as recognition proceeds. */
export interface Caption {
  readonly id: string;
  readonly speaker: Speaker;
  readonly text: string;
  readonly final: boolean;
}

/** The data of a session. */
export interface SessionData {
  readonly connection: ConnectionState;
  readonly controller: Controller;
  /** The avatar is speaking (audio playing). */
  readonly speaking: boolean;
  /** Most recent captions, oldest first, at most `maxCaptions`. */
  readonly captions: readonly Caption[];
  readonly language: Language;
  readonly avatarStatus: AvatarStatus;
}

/** The actions of a session. Setting a value equal to the current one notifies no subscriber. */
export interface SessionActions {
  setConnection(connection: ConnectionState): void;
  setController(controller: Controller): void;
  setSpeaking(speaking: boolean): void;
  /** Adds a caption, or replaces the one with the same id (interim → final). Drops the oldest beyond the bound. */
  upsertCaption(caption: Caption): void;
  clearCaptions(): void;
  setLanguage(language: Language): void;
  setAvatarStatus(status: AvatarStatus): void;
  /** Back to the initial data. */
  reset(): void;
}

/** The state of a {@link SessionStore}: data plus actions. */
export type SessionState = SessionData & SessionActions;
/** A vanilla zustand store of the session (`getState`, `setState`, `subscribe` returning its unsubscribe). */
export type SessionStore = StoreApi<SessionState>;

/** Options of {@link createSessionStore}. */
export interface SessionStoreOptions {
  /** Initial values of the data (defaults: idle, ai, not speaking, no captions, zh-CN, loading). */
  initial?: Partial<SessionData>;
  /** Most captions kept (default 50). */
  maxCaptions?: number;
}

/**
 * Creates the session store shared by transport, widgets and UI bindings (`react` wraps it with `useStore`).
 *
 * ```ts
 * const store = createSessionStore({ initial: { language: 'en' } });
 * const off = store.subscribe((s) => render(s.captions));
 * store.getState().upsertCaption({ id: 'a1', speaker: 'agent', text: 'Hello', final: false });
 * ```
 */
export function createSessionStore(options: SessionStoreOptions = {}): SessionStore {
  const maxCaptions = Math.max(1, options.maxCaptions ?? 50);
  const initial: SessionData = {
    connection: 'idle',
    controller: 'ai',
    speaking: false,
    captions: [],
    language: 'zh-CN',
    avatarStatus: 'loading',
    ...options.initial,
  };
  return createStore<SessionState>()((set) => {
    /** Sets one field, keeping the same state object (so no notification) when the value is unchanged. */
    const field =
      <K extends keyof SessionData>(key: K) =>
      (value: SessionData[K]): void =>
        set((s) => (Object.is(s[key], value) ? s : ({ [key]: value } as Pick<SessionData, K>)));
    return {
      ...initial,
      setConnection: field('connection'),
      setController: field('controller'),
      setSpeaking: field('speaking'),
      setLanguage: field('language'),
      setAvatarStatus: field('avatarStatus'),
      upsertCaption: (caption) => set((s) => ({ captions: upsert(s.captions, caption, maxCaptions) })),
      clearCaptions: () => set((s) => (s.captions.length === 0 ? s : { captions: [] })),
      reset: () => set(initial),
    };
  });
}

function upsert(captions: readonly Caption[], caption: Caption, max: number): readonly Caption[] {
  const index = captions.findIndex((c) => c.id === caption.id);
  if (index >= 0) return captions.map((c, i) => (i === index ? caption : c));
  const next = [...captions, caption];
  return next.length > max ? next.slice(next.length - max) : next;
}
