import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Everything (avatar, espeak-ng data, worker) is served by the app itself: no CDN at run time.
export default defineConfig({
  server: { host: '127.0.0.1', port: 5180, fs: { allow: [resolve(import.meta.dirname, '../..')] } },
  preview: { host: '127.0.0.1', port: 4180 },
  // The local transport's dialog worker loads espeak-ng with a dynamic import: module workers keep code splitting.
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
});
