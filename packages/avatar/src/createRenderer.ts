import { type ColorRepresentation, SRGBColorSpace, WebGLRenderer } from 'three';
import type { QualitySettings } from './resolveQuality';

/** Settings a renderer factory receives. */
export interface RendererSettings {
  readonly canvas: HTMLCanvasElement;
  readonly quality: QualitySettings;
  /** Clear to transparent (the page shows through) instead of a colour. */
  readonly transparent: boolean;
  readonly preserveDrawingBuffer: boolean;
}

/** Makes a renderer; throwing (e.g. no WebGL context) makes the view fall back to a portrait. */
export type RendererFactory = (settings: RendererSettings) => WebGLRenderer;

/** The default {@link RendererFactory}: a WebGL2 renderer with the tier's antialiasing. */
export const createWebGLRenderer: RendererFactory = (settings) =>
  new WebGLRenderer({
    canvas: settings.canvas,
    antialias: settings.quality.antialias,
    alpha: settings.transparent,
    preserveDrawingBuffer: settings.preserveDrawingBuffer,
  });

/** Applies the view's output settings: sRGB output, capped pixel ratio, clear colour. */
export function configureRenderer(
  renderer: WebGLRenderer,
  quality: QualitySettings,
  background: ColorRepresentation | 'transparent',
): void {
  renderer.outputColorSpace = SRGBColorSpace;
  renderer.setPixelRatio(Math.min(globalThis.devicePixelRatio ?? 1, quality.maxPixelRatio));
  if (background === 'transparent') renderer.setClearColor(0x000000, 0);
  else renderer.setClearColor(background, 1);
}
