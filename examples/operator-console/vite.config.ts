import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { senseAssets } from '@digital-human/sense/vite';
import { defineConfig } from 'vite';

// The face model is third-party data we don't commit: DH_FACE_MODEL, or ../shared/fixtures beside the repo.
const faceModel =
  process.env.DH_FACE_MODEL ?? resolve(import.meta.dirname, '../../../shared/fixtures/face_landmarker.task');
// The dialog-server (token endpoint and operator desk); the console reaches it through this dev proxy.
const dialogServer = process.env.DH_DIALOG_URL ?? 'http://127.0.0.1:8787';

export default defineConfig({
  plugins: existsSync(faceModel) ? [senseAssets({ modelPath: faceModel })] : [],
  server: {
    host: '127.0.0.1',
    port: 5175,
    fs: { allow: [resolve(import.meta.dirname, '../..')] },
    proxy: { '/api/dh': { target: dialogServer, changeOrigin: false } },
  },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
});
