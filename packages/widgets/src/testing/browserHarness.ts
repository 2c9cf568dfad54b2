import { createElement, type FunctionComponent } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { expect, vi } from 'vitest';
import { page } from 'vitest/browser';

/** Test-only: mounts a widget full-screen in the browser test page. */
export interface Mounted {
  readonly container: HTMLElement;
  unmount(): void;
}

/** Mounts `component` with `props` into a full-viewport container. */
export function mount<P extends object>(component: FunctionComponent<P>, props: P): Mounted {
  document.body.style.margin = '0';
  const container = document.createElement('div');
  container.style.cssText = 'position:fixed;inset:0;';
  document.body.append(container);
  const root: Root = createRoot(container);
  root.render(createElement(component, props));
  return {
    container,
    unmount: () => {
      root.unmount();
      container.remove();
    },
  };
}

/** Waits until `get()` equals `value`. */
export async function until<T>(get: () => T, value: T): Promise<void> {
  await vi.waitFor(() => expect(get()).toBe(value), { timeout: 5000, interval: 20 });
}

/** Saves a screenshot under `__screenshots__/widgets/` next to the test (git-ignored). */
export async function shot(name: string): Promise<void> {
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await page.screenshot({ path: `__screenshots__/widgets/${name}.png` });
}

/** A PNG photo for the materials step: sharp text-like strokes (or a flat grey when `blurred`). */
export async function photoFile(name: string, blurred = false): Promise<File> {
  const canvas = new OffscreenCanvas(900, 560);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  ctx.fillStyle = '#eee';
  ctx.fillRect(0, 0, 900, 560);
  ctx.fillStyle = '#222';
  for (let i = 0; i < 30; i++) ctx.fillRect(40 + ((i * 97) % 700), 40 + i * 16, 160, 5);
  if (blurred) {
    const copy = new OffscreenCanvas(900, 560);
    const c2 = copy.getContext('2d');
    if (!c2) throw new Error('no 2d context');
    c2.filter = 'blur(12px)';
    c2.drawImage(canvas, 0, 0);
    return new File([await copy.convertToBlob({ type: 'image/png' })], name, { type: 'image/png' });
  }
  return new File([await canvas.convertToBlob({ type: 'image/png' })], name, { type: 'image/png' });
}
