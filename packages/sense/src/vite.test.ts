import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, createServer } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { senseAssetUrls } from './assetUrls';
import { SenseError } from './SenseError';
import { copySenseAssets, mediapipeWasmDir, senseAssets } from './vite';

const dir = mkdtempSync(join(tmpdir(), 'sense-assets-'));
/** A stand-in model: the plugin serves bytes, it does not parse them. */
const modelPath = join(dir, 'model.task');
writeFileSync(modelPath, new Uint8Array(4096).fill(7));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('senseAssets (Vite plugin)', () => {
  it('serves the installed wasm files and the model in dev, 404 for unknown files', async () => {
    const server = await createServer({
      configFile: false,
      root: dir,
      logLevel: 'silent',
      plugins: [senseAssets({ modelPath, base: '/assets/sense' })],
      server: { port: 0, host: '127.0.0.1' },
    });
    await server.listen();
    try {
      const address = server.httpServer!.address();
      const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const { wasmBaseUrl, modelUrl } = senseAssetUrls('/assets/sense');
      const wasm = await fetch(`${origin}${wasmBaseUrl}/vision_wasm_internal.wasm`);
      expect(wasm.status).toBe(200);
      expect(wasm.headers.get('content-type')).toBe('application/wasm');
      const bytes = new Uint8Array(await wasm.arrayBuffer());
      expect(bytes.byteLength).toBe(statSync(join(mediapipeWasmDir(), 'vision_wasm_internal.wasm')).size);
      const model = await fetch(`${origin}${modelUrl}`);
      expect(model.status).toBe(200);
      expect((await model.arrayBuffer()).byteLength).toBe(4096);
      const head = await fetch(`${origin}${wasmBaseUrl}/vision_wasm_internal.js`, { method: 'HEAD' });
      expect(head.headers.get('content-type')).toBe('text/javascript');
      const other = await fetch(`${origin}${wasmBaseUrl}/not_mediapipe.wasm`);
      expect(other.status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('emits the wasm files and the model into the build output under the base', async () => {
    const entry = join(dir, 'main.js');
    writeFileSync(entry, 'export const x = 1;\n');
    const outDir = join(dir, 'dist');
    await build({
      configFile: false,
      root: dir,
      logLevel: 'silent',
      plugins: [senseAssets({ modelPath })],
      build: { outDir, rollupOptions: { input: entry } },
    });
    expect(readFileSync(join(outDir, 'digital-human/sense/face_landmarker.task')).byteLength).toBe(4096);
    expect(existsSync(join(outDir, 'digital-human/sense/wasm/vision_wasm_internal.wasm'))).toBe(true);
    expect(existsSync(join(outDir, 'digital-human/sense/wasm/vision_wasm_nosimd_internal.js'))).toBe(true);
  });
});

describe('copySenseAssets', () => {
  it('copies the assets for other bundlers', () => {
    const written = copySenseAssets(join(dir, 'copy'), { modelPath });
    expect(written).toHaveLength(7);
    expect(existsSync(join(dir, 'copy/digital-human/sense/wasm/vision_wasm_module_internal.wasm'))).toBe(
      true,
    );
  });

  it("names a missing model file with 'model-missing'", () => {
    const missing = join(dir, 'nope.task');
    let error: unknown;
    try {
      copySenseAssets(join(dir, 'copy2'), { modelPath: missing });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SenseError);
    expect((error as SenseError).code).toBe('model-missing');
    expect((error as SenseError).url).toBe(missing);
  });
});
