/** The URL path `lipsyncAssets()` (from `@digital-human/lipsync/vite`) serves the audio model's files under. */
export const DEFAULT_LIPSYNC_ASSET_BASE = '/digital-human/lipsync/';

/** The model's file name under the asset base. */
export const LIPSYNC_MODEL_FILE = 'viseme.onnx';

/** The onnxruntime-web wasm file the audio model runs on (single-threaded SIMD wasm backend). */
export const LIPSYNC_WASM_FILE = 'ort-wasm-simd-threaded.wasm';

/** Where the audio model's files are: the model and the onnxruntime-web wasm binary. */
export interface LipsyncAssetUrls {
  modelUrl: string;
  wasmUrl: string;
}

/**
 * The URLs of the audio model's files served under `base` (by `lipsyncAssets()` in Vite, or copied there by
 * `copyLipsyncAssets`). Nothing is fetched from a CDN.
 *
 * @example
 * ```ts
 * const model = new AudioVisemeModel(lipsyncAssetUrls());
 * ```
 */
export function lipsyncAssetUrls(base: string = DEFAULT_LIPSYNC_ASSET_BASE): LipsyncAssetUrls {
  const root = base.endsWith('/') ? base : `${base}/`;
  return { modelUrl: `${root}${LIPSYNC_MODEL_FILE}`, wasmUrl: `${root}${LIPSYNC_WASM_FILE}` };
}
