/** The URL path the Vite plugin serves the sensing assets under by default. */
export const DEFAULT_SENSE_ASSET_BASE = '/digital-human/sense/';

/** The MediaPipe wasm files a browser may load (SIMD, no-SIMD and ES-module variants). */
export const SENSE_WASM_FILES = [
  'vision_wasm_internal.js',
  'vision_wasm_internal.wasm',
  'vision_wasm_nosimd_internal.js',
  'vision_wasm_nosimd_internal.wasm',
  'vision_wasm_module_internal.js',
  'vision_wasm_module_internal.wasm',
] as const;

/** The model's file name under the asset base. */
export const SENSE_MODEL_FILE = 'face_landmarker.task';

/**
 * The tracker URLs for assets served under `base` (by `senseAssets()` from `@digital-human/sense/vite`, or copied
 * there by `copySenseAssets`): `wasm/` for the wasm files and `face_landmarker.task` for the model.
 *
 * @example
 * ```ts
 * const sense = new CameraSense({ tracker: senseAssetUrls() });
 * ```
 */
export function senseAssetUrls(base: string = DEFAULT_SENSE_ASSET_BASE): {
  wasmBaseUrl: string;
  modelUrl: string;
} {
  const root = base.endsWith('/') ? base : `${base}/`;
  return { wasmBaseUrl: `${root}wasm`, modelUrl: `${root}${SENSE_MODEL_FILE}` };
}
