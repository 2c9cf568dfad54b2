import { describe, expect, it, vi } from 'vitest';
import { createSessionStore } from './sessionStore';

describe('createSessionStore', () => {
  it('starts from defaults, overridable', () => {
    const s = createSessionStore().getState();
    expect(s).toMatchObject({
      connection: 'idle',
      controller: 'ai',
      speaking: false,
      captions: [],
      language: 'zh-CN',
      avatarStatus: 'loading',
    });
    expect(createSessionStore({ initial: { language: 'en' } }).getState().language).toBe('en');
  });

  it('sets fields and notifies only on change', () => {
    const store = createSessionStore();
    const listener = vi.fn();
    const off = store.subscribe(listener);
    const { setConnection, setController, setSpeaking, setLanguage, setAvatarStatus } = store.getState();
    setConnection('connecting');
    setConnection('connecting');
    setController('human');
    setSpeaking(true);
    setLanguage('en');
    setAvatarStatus('fallback');
    expect(listener).toHaveBeenCalledTimes(5);
    expect(store.getState()).toMatchObject({
      connection: 'connecting',
      controller: 'human',
      speaking: true,
      language: 'en',
      avatarStatus: 'fallback',
    });
    off();
    setConnection('connected');
    expect(listener).toHaveBeenCalledTimes(5);
  });

  it('upserts captions by id and keeps a bounded list', () => {
    const store = createSessionStore({ maxCaptions: 3 });
    const { upsertCaption } = store.getState();
    upsertCaption({ id: 'a', speaker: 'agent', text: '您好', final: false });
    upsertCaption({ id: 'a', speaker: 'agent', text: '您好，欢迎', final: true });
    expect(store.getState().captions).toEqual([
      { id: 'a', speaker: 'agent', text: '您好，欢迎', final: true },
    ]);
    for (const id of ['b', 'c', 'd']) upsertCaption({ id, speaker: 'customer', text: id, final: true });
    expect(store.getState().captions.map((c) => c.id)).toEqual(['b', 'c', 'd']);
    store.getState().clearCaptions();
    expect(store.getState().captions).toEqual([]);
  });

  it('resets to the initial data', () => {
    const store = createSessionStore({ initial: { language: 'en' } });
    store.getState().setSpeaking(true);
    store.getState().upsertCaption({ id: 'x', speaker: 'operator', text: 'hi', final: true });
    store.getState().reset();
    expect(store.getState()).toMatchObject({ speaking: false, captions: [], language: 'en' });
  });
});
