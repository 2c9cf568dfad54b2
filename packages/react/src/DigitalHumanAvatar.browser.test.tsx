import type { LoadedAvatar } from '@digital-human/avatar';
import avatarUrl from '@digital-human/avatars/assistant.vrm?url';
import { Channel, type Driver, VisemeIndex } from '@digital-human/core';
import { Canvas, type RootState } from '@react-three/fiber';
import type { WebGLRenderer } from 'three';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Rendered, renderForTest } from '../test/renderForTest';
import { createDigitalHumanSession } from './createDigitalHumanSession';
import { DigitalHumanAvatar } from './DigitalHumanAvatar';
import { DigitalHumanProvider } from './DigitalHumanProvider';

let mounted: Rendered | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

/** Holds the mouth wide open (viseme `aa`) at speech priority. */
const openMouth: Driver = {
  name: 'test-speech',
  priority: 50,
  update: (_time, _dt, out) => {
    out.visemes[VisemeIndex.aa] = 1;
    return Channel.mouth;
  },
};

function memory(gl: WebGLRenderer): { geometries: number; textures: number } {
  return { geometries: gl.info.memory.geometries, textures: gl.info.memory.textures };
}

describe('<DigitalHumanAvatar/> inside an existing r3f scene', () => {
  it('animates the face from the session mixer each frame', async () => {
    const session = createDigitalHumanSession();
    const update = vi.spyOn(session.mixer, 'update');
    const onLoad = vi.fn<(avatar: LoadedAvatar) => void>();
    let root: RootState | null = null;
    mounted = renderForTest(
      <DigitalHumanProvider session={session}>
        <Canvas
          flat
          frameloop="never"
          onCreated={(state) => {
            root = state;
          }}
        >
          <DigitalHumanAvatar src={avatarUrl} framing="bust" onLoad={onLoad} />
        </Canvas>
      </DigitalHumanProvider>,
    );
    await expect.poll(() => onLoad.mock.calls.length, { timeout: 30_000 }).toBe(1);
    const vrm = onLoad.mock.calls[0]![0].vrm;
    await expect.poll(() => vrm.scene.parent).not.toBeNull();
    // Frames are stepped by hand: the test page's requestAnimationFrame may be throttled.
    const step = (): void => root!.advance(performance.now());
    const weight = (name: string): number => {
      step();
      return vrm.expressionManager?.getValue(name) ?? Number.NaN;
    };
    const before = update.mock.calls.length;
    session.emotion.cue({ emotion: 'happy', intensity: 1, durationMs: 0 });
    await expect.poll(() => weight('happy'), { timeout: 5000 }).toBeGreaterThan(0.5);
    expect(update.mock.calls.length).toBeGreaterThan(before);
    expect(session.store.getState().avatarStatus).toBe('ready');
    // A speech driver (as lipsync's would) owns the mouth: its open vowel reaches the model's `aa` expression.
    expect(weight('aa')).toBeLessThan(0.05);
    const removeSpeech = session.mixer.addDriver(openMouth);
    await expect.poll(() => weight('aa'), { timeout: 5000 }).toBeGreaterThan(0.5);
    removeSpeech();
    await expect.poll(() => weight('aa'), { timeout: 5000 }).toBeLessThan(0.05);
  });

  it('frees every geometry and texture it uploaded: ten mounts and unmounts end at the baseline', async () => {
    const session = createDigitalHumanSession();
    let renderer: WebGLRenderer | null = null;
    const scene = (avatar: boolean, onLoad?: () => void) => (
      <DigitalHumanProvider session={session}>
        <Canvas
          flat
          onCreated={(state) => {
            renderer = state.gl;
          }}
        >
          {avatar && <DigitalHumanAvatar src={avatarUrl} framing="full" {...(onLoad ? { onLoad } : {})} />}
        </Canvas>
      </DigitalHumanProvider>
    );
    mounted = renderForTest(scene(false));
    await expect.poll(() => renderer).not.toBeNull();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const baseline = memory(renderer!);
    let peak = 0;
    for (let i = 0; i < 10; i++) {
      const onLoad = vi.fn();
      mounted.render(scene(true, onLoad));
      await expect.poll(() => onLoad.mock.calls.length, { timeout: 30_000 }).toBe(1);
      // Wait for a rendered frame so the model is really on the GPU.
      await expect
        .poll(() => memory(renderer!).geometries, { timeout: 5000 })
        .toBeGreaterThan(baseline.geometries);
      peak = Math.max(peak, memory(renderer!).geometries);
      mounted.render(scene(false));
      await expect.poll(() => memory(renderer!)).toEqual(baseline);
    }
    expect(peak).toBeGreaterThan(baseline.geometries);
  });
});
