import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { senseAssets } from '@digital-human/sense/vite';
import { defineConfig } from 'vite';

// The face model is third-party data we don't commit: set DH_FACE_MODEL, or it is taken from ../shared/fixtures
// when that checkout sits beside the repo. Without it, the camera button reports 'camera unavailable'.
const faceModel =
  process.env.DH_FACE_MODEL ?? resolve(import.meta.dirname, '../../../shared/fixtures/face_landmarker.task');

// The showcase serves everything itself (avatars, wasm, espeak-ng data, models): no CDN at run time.
export default defineConfig({
  plugins: existsSync(faceModel) ? [senseAssets({ modelPath: faceModel })] : [],
  server: { host: '127.0.0.1', port: 5173, fs: { allow: [resolve(import.meta.dirname, '../..')] } },
  // The dialog worker loads espeak-ng with a dynamic import: module workers keep code splitting.
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
});
