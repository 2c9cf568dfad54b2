import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, createServer } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { lipsyncAssetUrls } from './model/assetUrls';
import { bundledModelPath, copyLipsyncAssets, lipsyncAssets, onnxWasmPath } from './vite';

const dir = mkdtempSync(join(tmpdir(), 'lipsync-assets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lipsyncAssets (Vite plugin)', () => {
  it('serves the shipped model and the onnxruntime-web wasm in dev, and nothing else', async () => {
    const server = await createServer({
      configFile: false,
      root: dir,
      logLevel: 'silent',
      plugins: [lipsyncAssets({ base: '/assets/lipsync' })],
      server: { port: 0, host: '127.0.0.1' },
    });
    await server.listen();
    try {
      const address = server.httpServer!.address();
      const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const { modelUrl, wasmUrl } = lipsyncAssetUrls('/assets/lipsync');
      const model = await fetch(`${origin}${modelUrl}`);
      expect(model.status).toBe(200);
      expect((await model.arrayBuffer()).byteLength).toBe(statSync(bundledModelPath()).size);
      const wasm = await fetch(`${origin}${wasmUrl}`);
      expect(wasm.headers.get('content-type')).toBe('application/wasm');
      expect((await wasm.arrayBuffer()).byteLength).toBe(statSync(onnxWasmPath()).size);
      expect((await fetch(`${origin}/assets/lipsync/other.onnx`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('emits both files into the build output under the default base', async () => {
    const entry = join(dir, 'main.js');
    writeFileSync(entry, 'export const x = 1;\n');
    const outDir = join(dir, 'dist');
    await build({
      configFile: false,
      root: dir,
      logLevel: 'silent',
      plugins: [lipsyncAssets()],
      build: { outDir, rollupOptions: { input: entry } },
    });
    expect(readFileSync(join(outDir, 'digital-human/lipsync/viseme.onnx')).byteLength).toBe(
      statSync(bundledModelPath()).size,
    );
    expect(existsSync(join(outDir, 'digital-human/lipsync/ort-wasm-simd-threaded.wasm'))).toBe(true);
  });

  it('copies the files for other bundlers', () => {
    const written = copyLipsyncAssets(join(dir, 'copy'));
    expect(written.map((f) => f.slice(dir.length))).toEqual([
      '/copy/digital-human/lipsync/viseme.onnx',
      '/copy/digital-human/lipsync/ort-wasm-simd-threaded.wasm',
    ]);
  });
});
