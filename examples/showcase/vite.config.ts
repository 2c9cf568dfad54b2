import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { senseAssets } from '@digital-human/sense/vite';
import { defineConfig } from 'vite';

// The face model is third-party data we don't commit: set DH_FACE_MODEL, or it is taken from ../shared/fixtures
// when that checkout sits beside the repo. Without it, the camera button reports 'camera unavailable'.
const faceModel =
  process.env.DH_FACE_MODEL ?? resolve(import.meta.dirname, '../../../shared/fixtures/face_landmarker.task');

// LiveKit mode (`pnpm dev:livekit`): the token endpoint is the dialog service's, proxied so the page calls its own
// origin; the API key and secret stay in that server.
const dialogServer = process.env.DH_DIALOG_SERVER ?? 'http://127.0.0.1:8787';

// The showcase serves everything itself (avatars, wasm, espeak-ng data, models): no CDN at run time.
export default defineConfig({
  plugins: existsSync(faceModel) ? [senseAssets({ modelPath: faceModel })] : [],
  server: {
    host: '127.0.0.1',
    port: 5173,
    fs: { allow: [resolve(import.meta.dirname, '../..')] },
    proxy: { '/api/dh': { target: dialogServer, changeOrigin: false } },
  },
  // The dialog worker loads espeak-ng with a dynamic import: module workers keep code splitting.
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
});
