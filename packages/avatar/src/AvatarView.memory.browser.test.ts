import { afterEach, describe, expect, inject, it } from 'vitest';
import { AvatarView } from './AvatarView';

// Alone in its file so that earlier tests' garbage and the runner's console capture do not blur the heap numbers.
const fixturesUrl = inject('fixturesUrl');
let view: AvatarView | null = null;

afterEach(() => {
  view?.dispose();
  view = null;
  document.body.innerHTML = '';
});

describe.skipIf(!fixturesUrl)('AvatarView memory with Godette (fixtures)', () => {
  it('load/dispose 50 times: GPU counters back to baseline, heap growth under 5 MB', async () => {
    const bytes = new Uint8Array(await (await fetch(`${fixturesUrl}godette_vrm0.vrm`)).arrayBuffer());
    const container = document.createElement('div');
    container.style.cssText = 'width:320px;height:320px';
    document.body.appendChild(container);
    const v = new AvatarView({ container, autoStart: false });
    view = v;
    const renderer = v.renderer;
    if (!renderer) throw new Error('no renderer');
    // three-vrm warns once per VRM 0.x load about lookAt curves; the test runner's console capture keeps what it
    // is given, which would be measured as our growth.
    const warn = console.warn;
    console.warn = () => undefined;
    const refs: WeakRef<object>[] = [];
    let peakGeometries = 0;
    // Each cycle runs in its own call so no model stays referenced from this function's frame.
    const cycle = async (): Promise<void> => {
      const loaded = await v.load(bytes);
      if (loaded) refs.push(new WeakRef(loaded.vrm));
      v.renderOnce();
      peakGeometries = Math.max(peakGeometries, renderer.info.memory.geometries);
      v.unload();
      v.renderOnce();
    };
    // Warm-up: JIT code settles over the first loads, and three keeps one renderer-wide texture (the DFG lookup
    // table of its standard materials) once any has been drawn: both belong to the baseline, not to the avatar.
    for (let i = 0; i < 6; i++) await cycle();
    refs.length = 0;
    const baseline = { ...renderer.info.memory };
    const heapBefore = Math.min(await settledHeap(), await settledHeap());
    const samples: number[] = [];
    for (let i = 0; i < 50; i++) {
      if (i % 10 === 9) samples.push(await settledHeap());
      await cycle();
    }
    v.renderOnce();
    const heapAfter = Math.min(await settledHeap(), await settledHeap());
    const growth = heapAfter - heapBefore;
    const alive = refs.filter((r) => r.deref() !== undefined).length;
    console.warn = warn;
    console.info('50 cycles', {
      alive,
      samples,
      baseline,
      peakGeometries,
      after: renderer.info.memory,
      heapBefore,
      growth,
    });
    expect(peakGeometries).toBeGreaterThan(baseline.geometries);
    expect(renderer.info.memory).toEqual(baseline);
    expect(growth).toBeLessThan(5 * 1024 * 1024);
    expect(refs.length).toBe(50);
    expect(alive).toBe(0);
  }, 240_000);
});

async function settledHeap(): Promise<number> {
  const g = (globalThis as { gc?: () => void }).gc;
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  if (!g || !memory)
    throw new Error('run Chromium with --js-flags=--expose-gc and --enable-precise-memory-info');
  let least = Number.POSITIVE_INFINITY;
  // Several collections spread over ~1.5 s: pending tasks of the test runner release what they hold meanwhile.
  for (let i = 0; i < 8; i++) {
    g();
    await new Promise((r) => setTimeout(r, 200));
    least = Math.min(least, memory.usedJSHeapSize);
  }
  return least;
}
