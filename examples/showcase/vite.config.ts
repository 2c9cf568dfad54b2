import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The showcase serves everything itself (avatars, wasm, espeak-ng data, models): no CDN at run time.
export default defineConfig({
  server: { host: '127.0.0.1', port: 5173, fs: { allow: [resolve(import.meta.dirname, '../..')] } },
  // The dialog worker loads espeak-ng with a dynamic import: module workers keep code splitting.
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
});
