import type { RenderLoop } from './RenderLoop';

/**
 * Pauses `loop` while the tab is hidden (`visibilitychange`) or the canvas is off screen (IntersectionObserver).
 * Returns the function that removes both watchers.
 */
export function watchVisibility(canvas: HTMLCanvasElement, loop: RenderLoop): () => void {
  const onVisibility = (): void => {
    if (document.hidden) loop.pause('hidden');
    else loop.resume('hidden');
  };
  document.addEventListener('visibilitychange', onVisibility);
  onVisibility();
  let observer: IntersectionObserver | null = null;
  if (typeof IntersectionObserver !== 'undefined') {
    observer = new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1];
      if (!last) return;
      if (last.isIntersecting) loop.resume('offscreen');
      else loop.pause('offscreen');
    });
    observer.observe(canvas);
  }
  return () => {
    document.removeEventListener('visibilitychange', onVisibility);
    observer?.disconnect();
  };
}

/** Callbacks for {@link watchContext}. */
export interface ContextCallbacks {
  lost(): void;
  restored(): void;
}

/**
 * Listens for WebGL context loss on `canvas`; calls `preventDefault` on loss so the browser may restore it.
 * Returns the function that removes the listeners.
 */
export function watchContext(canvas: HTMLCanvasElement, callbacks: ContextCallbacks): () => void {
  const onLost = (event: Event): void => {
    event.preventDefault();
    callbacks.lost();
  };
  const onRestored = (): void => callbacks.restored();
  canvas.addEventListener('webglcontextlost', onLost);
  canvas.addEventListener('webglcontextrestored', onRestored);
  return () => {
    canvas.removeEventListener('webglcontextlost', onLost);
    canvas.removeEventListener('webglcontextrestored', onRestored);
  };
}

/** Calls `onResize` when the canvas's CSS size changes. Returns the function that stops watching. */
export function watchSize(canvas: HTMLCanvasElement, onResize: () => void): () => void {
  if (typeof ResizeObserver === 'undefined') return () => undefined;
  const observer = new ResizeObserver(() => onResize());
  observer.observe(canvas);
  return () => observer.disconnect();
}
