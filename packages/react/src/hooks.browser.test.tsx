import type { Caption, ConnectionState } from '@digital-human/core';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { type Rendered, renderForTest } from '../test/renderForTest';
import { CanvasErrorBoundary } from './CanvasErrorBoundary';
import { Captions } from './Captions';
import { createDigitalHumanSession, type DigitalHumanSession } from './createDigitalHumanSession';
import { DigitalHumanProvider } from './DigitalHumanProvider';
import { type AvatarState, useAvatarState, useCaptions, useConnectionState, useDigitalHuman } from './hooks';

let mounted: Rendered | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

interface Seen {
  session?: DigitalHumanSession;
  captions?: readonly Caption[];
  connection?: ConnectionState;
  avatar?: AvatarState;
  renders: number;
}

function Probe({ seen }: { seen: Seen }): null {
  seen.session = useDigitalHuman();
  seen.captions = useCaptions();
  seen.connection = useConnectionState();
  seen.avatar = useAvatarState();
  seen.renders++;
  return null;
}

function AvatarOnly({ seen }: { seen: Seen }): null {
  seen.avatar = useAvatarState();
  seen.renders++;
  return null;
}

function CaptionsOnly(): null {
  useCaptions();
  return null;
}

describe('hooks', () => {
  it('return the store values and follow their changes', async () => {
    const session = createDigitalHumanSession();
    const seen: Seen = { renders: 0 };
    mounted = renderForTest(
      <DigitalHumanProvider session={session}>
        <Probe seen={seen} />
        <Captions />
      </DigitalHumanProvider>,
    );
    await expect.poll(() => seen.session).toBe(session);
    expect(seen.connection).toBe('idle');
    expect(seen.avatar).toEqual({ status: 'loading', speaking: false, controller: 'ai', language: 'zh-CN' });
    const { store } = session;
    store.getState().setConnection('reconnecting');
    store.getState().upsertCaption({ id: 'a', speaker: 'agent', text: 'Hello', final: false });
    session.setLanguage('en');
    session.setController('human');
    await expect.poll(() => seen.connection).toBe('reconnecting');
    await expect.poll(() => seen.captions?.map((c) => c.text)).toEqual(['Hello']);
    await expect.poll(() => seen.avatar?.language).toBe('en');
    expect(seen.avatar?.controller).toBe('human');
    expect(session.mixer.controller).toBe('human');
    const live = mounted.container.querySelector('[aria-live="polite"]');
    expect(live?.textContent).toBe('Hello');
    store.getState().upsertCaption({ id: 'a', speaker: 'agent', text: 'Hello there', final: true });
    await expect.poll(() => live?.textContent).toBe('Hello there');
  });

  it('do not re-render when an unrelated value changes (same shallow avatar state)', async () => {
    const session = createDigitalHumanSession();
    const seen: Seen = { renders: 0 };
    mounted = renderForTest(
      <DigitalHumanProvider session={session}>
        <AvatarOnly seen={seen} />
      </DigitalHumanProvider>,
    );
    await expect.poll(() => seen.renders).toBeGreaterThan(0);
    const before = seen.renders;
    session.store.getState().setConnection('connected');
    session.store.getState().setSpeaking(true);
    await expect.poll(() => seen.avatar?.speaking).toBe(true);
    expect(seen.renders).toBe(before + 1);
  });

  it('throw an error prefixed with the owner outside a provider', () => {
    let caught: unknown = null;
    mounted = renderForTest(
      <CanvasErrorBoundary
        onError={(error) => {
          caught = error;
        }}
        fallback={null}
      >
        <CaptionsOnly />
      </CanvasErrorBoundary>,
    );
    return expect
      .poll(() => (caught instanceof Error ? caught.message : ''))
      .toMatch(/^DigitalHuman: hooks can only be used within a DigitalHumanProvider/);
  });

  it('the provider keeps a live session under StrictMode (effects run twice)', async () => {
    const seen: Seen = { renders: 0 };
    mounted = renderForTest(
      <StrictMode>
        <DigitalHumanProvider>
          <Probe seen={seen} />
        </DigitalHumanProvider>
      </StrictMode>,
    );
    await expect.poll(() => seen.session).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen.session?.disposed).toBe(false);
    const session = seen.session!;
    mounted.unmount();
    mounted = null;
    expect(session.disposed).toBe(true);
  });

  it('the provider owns and disposes a session it created', async () => {
    const seen: Seen = { renders: 0 };
    mounted = renderForTest(
      <DigitalHumanProvider options={{ storeOptions: { initial: { language: 'en' } } }}>
        <Probe seen={seen} />
      </DigitalHumanProvider>,
    );
    await expect.poll(() => seen.avatar?.language).toBe('en');
    const session = seen.session!;
    expect(session.disposed).toBe(false);
    mounted.unmount();
    mounted = null;
    expect(session.disposed).toBe(true);
  });
});
