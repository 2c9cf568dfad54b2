import { createFaceFrame } from '@digital-human/core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { coverage, projectToPixels, readPixels } from '../test/pixels';
import { AvatarLoadError } from './AvatarLoadError';
import { AvatarView, type AvatarViewEvents } from './AvatarView';

const fixturesUrl = inject('fixturesUrl');
const BG: [number, number, number] = [30, 180, 60];
const views: AvatarView[] = [];

function container(): HTMLDivElement {
  const div = document.createElement('div');
  div.style.cssText = 'width:320px;height:320px';
  document.body.appendChild(div);
  return div;
}

function waitFor<K extends keyof AvatarViewEvents>(
  view: AvatarView,
  type: K,
  ms = 5000,
): Promise<AvatarViewEvents[K]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${String(type)}" event within ${ms} ms`)), ms);
    const off = view.on(type, (payload) => {
      off();
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

afterEach(() => {
  for (const view of views.splice(0)) view.dispose();
  document.body.innerHTML = '';
});

describe('AvatarView without WebGL', () => {
  it('falls back to a portrait with text-only captions and a fallback event', async () => {
    const parent = container();
    const view = new AvatarView({
      container: parent,
      portraitUrl: '/no-such-portrait.png',
      createRenderer: () => {
        throw new Error('getContext("webgl2") returned null');
      },
    });
    views.push(view);
    const error = await waitFor(view, 'fallback');
    expect(error).toBeInstanceOf(AvatarLoadError);
    expect(error.code).toBe('webgl-unavailable');
    expect(error.cause).toBeInstanceOf(Error);
    expect(view.mode).toBe('fallback');
    expect(view.renderer).toBeNull();
    expect(view.portrait?.isConnected).toBe(true);
    expect(view.canvas.style.display).toBe('none');
    view.setCaption('<b>您好</b>, welcome');
    expect(view.captions.textContent).toBe('<b>您好</b>, welcome');
    expect(view.captions.querySelector('b')).toBeNull();
    expect(await view.load('/anything.vrm')).toBeNull();
    view.dispose();
    expect(parent.childElementCount).toBe(0);
  });

  it('uses a neutral placeholder when no portrait URL is given', async () => {
    const view = new AvatarView({
      container: container(),
      createRenderer: () => {
        throw new Error('no WebGL');
      },
    });
    views.push(view);
    await waitFor(view, 'fallback');
    expect(view.portrait?.src.startsWith('data:image/svg+xml')).toBe(true);
  });
});

describe('AvatarView lifecycle', () => {
  it('pauses when the canvas scrolls off screen and resumes when it comes back', async () => {
    const parent = container();
    const view = new AvatarView({ container: parent });
    views.push(view);
    const paused = waitFor(view, 'paused');
    parent.style.cssText = 'position:absolute;top:-5000px;width:320px;height:320px';
    expect((await paused).reason).toBe('offscreen');
    const resumed = waitFor(view, 'resumed');
    parent.style.cssText = 'position:absolute;top:0;width:320px;height:320px';
    expect((await resumed).reason).toBe('offscreen');
    expect(view.pauseReasons.size).toBe(0);
  });

  it('returns renderer memory to zero after dispose and removes its DOM', async () => {
    const parent = container();
    const view = new AvatarView({ container: parent, autoStart: false });
    const renderer = view.renderer;
    if (!renderer) throw new Error('no renderer');
    view.renderOnce();
    const baseline = { ...renderer.info.memory };
    view.dispose();
    expect(renderer.info.memory).toEqual(baseline);
    expect(parent.childElementCount).toBe(0);
  });
});

describe.skipIf(!fixturesUrl)('AvatarView lifecycle with Godette (fixtures)', () => {
  it('survives WebGL context loss: events, pause, and rendering again after restore', async () => {
    const view = new AvatarView({
      container: container(),
      background: `rgb(${BG.join(',')})`,
      frameSource: { update: () => createFaceFrame() },
    });
    views.push(view);
    const loaded = await view.load(`${fixturesUrl}godette_vrm0.vrm`);
    const renderer = view.renderer;
    const head = loaded?.vrm.humanoid.getNormalizedBoneNode('head');
    if (!renderer || !head) throw new Error('not loaded');
    const lose = renderer.getContext().getExtension('WEBGL_lose_context');
    if (!lose) throw new Error('WEBGL_lose_context missing');
    const lost = waitFor(view, 'contextlost');
    const paused = waitFor(view, 'paused');
    lose.loseContext();
    await lost;
    expect((await paused).reason).toBe('contextlost');
    const restored = waitFor(view, 'contextrestored');
    // Chromium restores only from a later task than the one that delivered the loss.
    await new Promise((r) => setTimeout(r, 50));
    lose.restoreContext();
    await restored;
    expect(view.pauseReasons.has('contextlost')).toBe(false);
    view.renderOnce();
    const pixels = readPixels(renderer);
    const h = projectToPixels(head, view.scene.camera, pixels);
    expect(coverage(pixels, h.x, h.y + pixels.height * 0.12, pixels.height * 0.06, BG)).toBeGreaterThan(0.9);
    // The clear colour survives the restore.
    expect(coverage(pixels, 10, pixels.height - 10, 8, BG)).toBe(0);
  });
});

describe.skipIf(!fixturesUrl)('AvatarView quality tiers (fixtures)', () => {
  it('low: no MToon outlines and at most 30 frames a second', async () => {
    const outlines = async (quality: 'low' | 'high'): Promise<boolean[]> => {
      const view = new AvatarView({ container: container(), quality, autoStart: false });
      views.push(view);
      const loaded = await view.load(`${fixturesUrl}godette_vrm0.vrm`);
      const visible: boolean[] = [];
      loaded?.vrm.scene.traverse((object) => {
        const material = (object as { material?: unknown }).material;
        for (const m of (Array.isArray(material) ? material : [material]) as Array<{
          isOutline?: boolean;
          visible?: boolean;
        }>) {
          if (m?.isOutline) visible.push(m.visible === true);
        }
      });
      return visible;
    };
    const high = await outlines('high');
    expect(high.length).toBeGreaterThan(0);
    expect(high.every(Boolean)).toBe(true);
    expect((await outlines('low')).some(Boolean)).toBe(false);

    let frames = 0;
    const onScreen = container();
    onScreen.style.cssText = 'position:fixed;top:0;left:0;width:320px;height:320px';
    const low = new AvatarView({
      container: onScreen,
      quality: 'low',
      frameSource: {
        update: (_t, _dt) => {
          frames++;
          return createFaceFrame();
        },
      },
    });
    views.push(low);
    await low.load(`${fixturesUrl}godette_vrm0.vrm`);
    frames = 0;
    const start = performance.now();
    await new Promise((r) => setTimeout(r, 1000));
    const fps = (frames * 1000) / (performance.now() - start);
    expect(low.quality.maxPixelRatio).toBe(1);
    expect(fps).toBeGreaterThan(1);
    expect(fps).toBeLessThanOrEqual(32);
  });
});
