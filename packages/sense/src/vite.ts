/// <reference types="node" />
/**
 * `@digital-human/sense/vite` (Node only): serves MediaPipe's wasm files and the face model from the app itself,
 * in `vite dev` and in the build output, and a plain copy step for other bundlers. No CDN at run time.
 */
import { copyFileSync, createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { DEFAULT_SENSE_ASSET_BASE, SENSE_MODEL_FILE, SENSE_WASM_FILES } from './assetUrls';
import { SenseError } from './SenseError';

/** Options of {@link senseAssets} and {@link copySenseAssets}. */
export interface SenseAssetsOptions {
  /** Absolute path of `face_landmarker.task` on disk (the integrator provides it; nothing is downloaded). */
  modelPath: string;
  /** URL path to serve under (default `'/digital-human/sense/'`): `<base>wasm/…` and `<base>face_landmarker.task`. */
  base?: string;
  /** Folder holding the wasm files (default: the installed `@mediapipe/tasks-vision/wasm`). */
  wasmDir?: string;
}

/** Where the installed `@mediapipe/tasks-vision` keeps its wasm files. */
export function mediapipeWasmDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('@mediapipe/tasks-vision/vision_wasm_internal.wasm'));
}

function normalizeBase(base = DEFAULT_SENSE_ASSET_BASE): string {
  const withLead = base.startsWith('/') ? base : `/${base}`;
  return withLead.endsWith('/') ? withLead : `${withLead}/`;
}

/** Maps a relative asset path (`wasm/x` or the model) to its file on disk, or null when it is not one of ours. */
function fileFor(relative: string, options: SenseAssetsOptions, wasmDir: string): string | null {
  if (relative === SENSE_MODEL_FILE) return options.modelPath;
  const name = relative.startsWith('wasm/') ? relative.slice(5) : '';
  return (SENSE_WASM_FILES as readonly string[]).includes(name) ? join(wasmDir, name) : null;
}

function contentType(file: string): string {
  if (file.endsWith('.wasm')) return 'application/wasm';
  if (file.endsWith('.js')) return 'text/javascript';
  return 'application/octet-stream';
}

function serve(req: IncomingMessage, res: ServerResponse, file: string): void {
  if (!existsSync(file)) {
    res.statusCode = 404;
    res.setHeader('content-type', 'text/plain');
    res.end(`DigitalHuman.Sense: asset not found on disk: ${file}`);
    return;
  }
  res.statusCode = 200;
  res.setHeader('content-type', contentType(file));
  res.setHeader('content-length', String(statSync(file).size));
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}

/**
 * A Vite plugin that serves the MediaPipe wasm files and the face model under `base` in dev and preview, and
 * emits them into the build output at the same path.
 *
 * @example
 * ```ts
 * // vite.config.ts
 * import { senseAssets } from '@digital-human/sense/vite';
 * export default { plugins: [senseAssets({ modelPath: resolve('assets/face_landmarker.task') })] };
 * // app: new CameraSense({ tracker: senseAssetUrls() })
 * ```
 */
export function senseAssets(options: SenseAssetsOptions): Plugin {
  const base = normalizeBase(options.base);
  const wasmDir = options.wasmDir ?? mediapipeWasmDir();
  const middleware = (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const file = path.startsWith(base) ? fileFor(path.slice(base.length), options, wasmDir) : null;
    if (file) serve(req, res, file);
    else next();
  };
  return {
    name: 'digital-human-sense-assets',
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
    generateBundle() {
      if (!existsSync(options.modelPath)) {
        this.error(
          `DigitalHuman.Sense: face model not found at ${options.modelPath} (senseAssets modelPath)`,
        );
      }
      for (const relative of [SENSE_MODEL_FILE, ...SENSE_WASM_FILES.map((f) => `wasm/${f}`)]) {
        const file = fileFor(relative, options, wasmDir)!;
        this.emitFile({ type: 'asset', fileName: `${base.slice(1)}${relative}`, source: readFileSync(file) });
      }
    },
  };
}

/**
 * The copy step for bundlers other than Vite: copies the wasm files and the model into `outDir` + `base`, e.g.
 * `copySenseAssets('dist', { modelPath })` → `dist/digital-human/sense/wasm/…`. Returns the files written.
 */
export function copySenseAssets(outDir: string, options: SenseAssetsOptions): string[] {
  const base = normalizeBase(options.base);
  const wasmDir = options.wasmDir ?? mediapipeWasmDir();
  const written: string[] = [];
  for (const relative of [SENSE_MODEL_FILE, ...SENSE_WASM_FILES.map((f) => `wasm/${f}`)]) {
    const from = fileFor(relative, options, wasmDir)!;
    if (!existsSync(from)) {
      throw relative === SENSE_MODEL_FILE
        ? SenseError.modelMissing(from, 'not found on disk')
        : SenseError.wasmMissing(from, 'not found on disk');
    }
    const to = join(outDir, base, relative);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
    written.push(to);
  }
  return written;
}
