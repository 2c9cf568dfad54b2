import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const here = import.meta.dirname;
const require = createRequire(import.meta.url);

/**
 * Copies the page (index.html, app.js, style.css) as is — the page's own script is not bundled — and puts the
 * project's avatar and portrait next to the element's module, where its default `avatar`/`portrait` look.
 */
function staticPage(): Plugin {
  const files: Record<string, string> = {
    'index.html': resolve(here, 'index.html'),
    'app.js': resolve(here, 'app.js'),
    'style.css': resolve(here, 'style.css'),
    'sdk/assistant.vrm': require.resolve('@digital-human/avatars/assistant.vrm'),
    'sdk/thumbnail.png': require.resolve('@digital-human/avatars/thumbnail.png'),
  };
  return {
    name: 'h5-static-page',
    generateBundle() {
      for (const [fileName, path] of Object.entries(files))
        this.emitFile({ type: 'asset', fileName, source: readFileSync(path) });
    },
  };
}

// Builds only the SDK's self-hosted files (dist/sdk/*.js, wasm, workers, data): one build, three entries sharing
// chunks, so the demo transport registers into the same element module the page imported.
export default defineConfig({
  base: './',
  publicDir: false,
  plugins: [staticPage()],
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 4174 },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      input: {
        element: resolve(here, 'src/element.ts'),
        webview: resolve(here, 'src/webview.ts'),
        // The GPL demo transport; `DH_H5_DEMO=0` leaves it out of a production build.
        ...(process.env.DH_H5_DEMO === '0' ? {} : { 'local-demo': resolve(here, 'src/localDemo.ts') }),
      },
      preserveEntrySignatures: 'strict',
      output: {
        entryFileNames: 'sdk/[name].js',
        chunkFileNames: 'sdk/[name]-[hash].js',
        assetFileNames: 'sdk/[name]-[hash][extname]',
      },
    },
  },
});
