import { AvatarLoadError, type LoadedAvatar } from '@digital-human/avatar';
import avatarUrl from '@digital-human/avatars/assistant.vrm?url';
import thumbnailUrl from '@digital-human/avatars/thumbnail.png?url';
import type { AvatarStatus } from '@digital-human/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { coveredShare, type Rendered, renderForTest } from '../test/renderForTest';
import { createDigitalHumanSession, type DigitalHumanSession } from './createDigitalHumanSession';
import { DigitalHuman } from './DigitalHuman';
import { DigitalHumanProvider } from './DigitalHumanProvider';
import { useAvatarState } from './hooks';

let mounted: Rendered | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

function StatusProbe({ onStatus }: { onStatus: (status: AvatarStatus) => void }): null {
  onStatus(useAvatarState().status);
  return null;
}

describe('<DigitalHuman/> with the project avatar', () => {
  it('loads, reports ready through the hook and draws the avatar over a transparent background', async () => {
    const session = createDigitalHumanSession();
    const statuses: AvatarStatus[] = [];
    const onLoad = vi.fn<(avatar: LoadedAvatar) => void>();
    let canvas: HTMLCanvasElement | null = null;
    mounted = renderForTest(
      <DigitalHumanProvider session={session}>
        <StatusProbe onStatus={(s) => statuses.push(s)} />
        <DigitalHuman
          src={avatarUrl}
          quality="medium"
          preserveDrawingBuffer
          onLoad={onLoad}
          onRenderer={(r) => {
            canvas = r.domElement;
          }}
        />
      </DigitalHumanProvider>,
    );
    await expect.poll(() => onLoad.mock.calls.length, { timeout: 30_000 }).toBe(1);
    expect(onLoad.mock.calls[0]?.[0].version).toBe('1');
    await expect.poll(() => statuses.at(-1)).toBe('ready');
    expect(statuses).toContain('loading');
    // A few frames later the avatar covers a good part of a bust framing and leaves the corners clear.
    await expect.poll(() => coveredShare(canvas!), { timeout: 10_000 }).toBeGreaterThan(0.2);
    expect(coveredShare(canvas!)).toBeLessThan(0.95);
    expect(mounted.container.querySelector('img')).toBeNull();
  });

  it('falls back to the portrait and captions when no WebGL renderer can be made', async () => {
    const session = createDigitalHumanSession();
    const onError = vi.fn<(error: AvatarLoadError) => void>();
    session.store.getState().upsertCaption({ id: 'c1', speaker: 'agent', text: '您好', final: true });
    mounted = renderForTest(
      <DigitalHumanProvider session={session}>
        <DigitalHuman
          src={avatarUrl}
          portrait={thumbnailUrl}
          onError={onError}
          createRenderer={() => {
            throw new Error('Error creating WebGL context.');
          }}
        />
      </DigitalHumanProvider>,
    );
    await expect.poll(() => onError.mock.calls.length).toBe(1);
    const error = onError.mock.calls[0]![0];
    expect(error).toBeInstanceOf(AvatarLoadError);
    expect(error.code).toBe('webgl-unavailable');
    expect(error.message.startsWith('Avatar: ')).toBe(true);
    expect(session.store.getState().avatarStatus).toBe('fallback');
    const img = mounted.container.querySelector('img');
    expect(img?.getAttribute('src')).toBe(thumbnailUrl);
    expect(mounted.container.querySelector('canvas')).toBeNull();
    const live = mounted.container.querySelector('[aria-live="polite"]');
    expect(live?.textContent).toBe('您好');
  });

  it('shows the portrait and reports a typed network error when the model cannot be fetched', async () => {
    const session = createDigitalHumanSession();
    const onError = vi.fn<(error: AvatarLoadError) => void>();
    const onLoad = vi.fn();
    const view = (src: string) => (
      <DigitalHumanProvider session={session}>
        <DigitalHuman src={src} portrait={thumbnailUrl} onError={onError} onLoad={onLoad} />
      </DigitalHumanProvider>
    );
    mounted = renderForTest(view('/no-such-avatar.vrm'));
    await expect.poll(() => onError.mock.calls.length, { timeout: 20_000 }).toBe(1);
    expect(onError.mock.calls[0]![0].code).toBe('network');
    expect(session.store.getState().avatarStatus).toBe('error');
    await expect.poll(() => mounted!.container.querySelector('img')?.getAttribute('src')).toBe(thumbnailUrl);
    expect(mounted.container.querySelector('canvas')).toBeNull();
    // A new source is tried again.
    mounted.render(view(avatarUrl));
    await expect.poll(() => onLoad.mock.calls.length, { timeout: 30_000 }).toBe(1);
    expect(session.store.getState().avatarStatus).toBe('ready');
    expect(mounted.container.querySelector('img')).toBeNull();
  });

  it('releases its WebGL context on unmount, so mounting ten times in a row keeps working', async () => {
    const session: DigitalHumanSession = createDigitalHumanSession();
    const contexts: WebGLRenderingContext[] = [];
    for (let i = 0; i < 10; i++) {
      const onLoad = vi.fn();
      const view = renderForTest(
        <DigitalHumanProvider session={session}>
          <DigitalHuman
            src={avatarUrl}
            quality="low"
            onLoad={onLoad}
            onRenderer={(r) => contexts.push(r.getContext())}
          />
        </DigitalHumanProvider>,
      );
      await expect.poll(() => onLoad.mock.calls.length, { timeout: 30_000 }).toBe(1);
      view.unmount();
    }
    expect(contexts).toHaveLength(10);
    await expect.poll(() => contexts.every((gl) => gl.isContextLost())).toBe(true);
  });
});
