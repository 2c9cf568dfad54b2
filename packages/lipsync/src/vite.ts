/// <reference types="node" />
/**
 * `@digital-human/lipsync/vite` (Node only): serves the audio→viseme model and onnxruntime-web's wasm binary from
 * the app itself, in `vite dev`/`preview` and in the build output, plus a copy step for other bundlers. No CDN.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { DEFAULT_LIPSYNC_ASSET_BASE, LIPSYNC_MODEL_FILE, LIPSYNC_WASM_FILE } from './model/assetUrls';

/** Options of {@link lipsyncAssets} and {@link copyLipsyncAssets}. */
export interface LipsyncAssetsOptions {
  /** URL path to serve under (default `'/digital-human/lipsync/'`). */
  base?: string;
  /** The model file (default: the `viseme.onnx` this package ships in `model/`). */
  modelPath?: string;
  /** The wasm binary (default: the installed onnxruntime-web's). */
  wasmPath?: string;
}

/** The model file this package ships. */
export function bundledModelPath(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'model', LIPSYNC_MODEL_FILE);
}

/** The installed onnxruntime-web's wasm binary. */
export function onnxWasmPath(): string {
  return createRequire(import.meta.url).resolve(`onnxruntime-web/${LIPSYNC_WASM_FILE}`);
}

function files(options: LipsyncAssetsOptions): Record<string, string> {
  return {
    [LIPSYNC_MODEL_FILE]: options.modelPath ?? bundledModelPath(),
    [LIPSYNC_WASM_FILE]: options.wasmPath ?? onnxWasmPath(),
  };
}

function normalizeBase(base = DEFAULT_LIPSYNC_ASSET_BASE): string {
  const withLead = base.startsWith('/') ? base : `/${base}`;
  return withLead.endsWith('/') ? withLead : `${withLead}/`;
}

/**
 * A Vite plugin that serves `viseme.onnx` and `ort-wasm-simd-threaded.wasm` under `base` in dev and preview and
 * emits them into the build output at the same path. Pair it with `lipsyncAssetUrls(base)` at run time.
 *
 * @example
 * ```ts
 * // vite.config.ts
 * import { lipsyncAssets } from '@digital-human/lipsync/vite';
 * export default { plugins: [lipsyncAssets()] };
 * ```
 */
export function lipsyncAssets(options: LipsyncAssetsOptions = {}): Plugin {
  const base = normalizeBase(options.base);
  const byName = files(options);
  const middleware = (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const file = path.startsWith(base) ? byName[path.slice(base.length)] : undefined;
    if (!file || !existsSync(file)) {
      next();
      return;
    }
    const body = readFileSync(file);
    res.statusCode = 200;
    res.setHeader('content-type', file.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream');
    res.setHeader('content-length', String(body.byteLength));
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  return {
    name: 'digital-human-lipsync-assets',
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
    generateBundle() {
      for (const [name, file] of Object.entries(byName)) {
        if (!existsSync(file)) this.error(`DigitalHuman.Lipsync: ${name} not found at ${file}`);
        this.emitFile({ type: 'asset', fileName: `${base.slice(1)}${name}`, source: readFileSync(file) });
      }
    },
  };
}

/** Copies the model and the wasm binary into `outDir` + `base` for bundlers other than Vite; returns the files. */
export function copyLipsyncAssets(outDir: string, options: LipsyncAssetsOptions = {}): string[] {
  const base = normalizeBase(options.base);
  return Object.entries(files(options)).map(([name, from]) => {
    const to = join(outDir, base, name);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
    return to;
  });
}
