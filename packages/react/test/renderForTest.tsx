import type { ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

/** A React tree mounted into a sized box on the test page. */
export interface Rendered {
  readonly container: HTMLDivElement;
  readonly root: Root;
  render(node: ReactNode): void;
  unmount(): void;
}

/** Mounts `node` into a fresh `width × height` box appended to the body (tests only). */
export function renderForTest(node: ReactNode, width = 320, height = 400): Rendered {
  const container = document.createElement('div');
  container.style.cssText = `position:relative;width:${width}px;height:${height}px`;
  document.body.appendChild(container);
  const root = createRoot(container);
  root.render(node);
  return {
    container,
    root,
    render: (next) => root.render(next),
    unmount: () => {
      root.unmount();
      container.remove();
    },
  };
}

/** Share of pixels of a WebGL canvas (with a preserved drawing buffer) that are not fully transparent. */
export function coveredShare(canvas: HTMLCanvasElement): number {
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const context = copy.getContext('2d');
  if (!context || copy.width === 0 || copy.height === 0) return 0;
  context.drawImage(canvas, 0, 0);
  const { data } = context.getImageData(0, 0, copy.width, copy.height);
  let covered = 0;
  for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) covered++;
  return covered / (copy.width * copy.height);
}
