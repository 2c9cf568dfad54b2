import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Plugin, UserConfig } from 'vite';

const here = import.meta.dirname;
const require = createRequire(import.meta.url);

/**
 * Copies a page's files as they are — the page's own script is not bundled — and puts the project's avatar and
 * portrait next to the element's module, where its default `avatar`/`portrait` look.
 */
function staticPage(pageDir: string, pageFiles: readonly string[]): Plugin {
  const files: Record<string, string> = {
    ...Object.fromEntries(pageFiles.map((f) => [f, resolve(pageDir, f)])),
    'sdk/assistant.vrm': require.resolve('@digital-human/avatars/assistant.vrm'),
    'sdk/thumbnail.png': require.resolve('@digital-human/avatars/thumbnail.png'),
  };
  return {
    name: 'dh-static-page',
    generateBundle() {
      for (const [fileName, path] of Object.entries(files))
        this.emitFile({ type: 'asset', fileName, source: readFileSync(path) });
    },
  };
}

/**
 * The Vite config that builds only the SDK's self-hosted files (dist/sdk/*.js, workers, data) for a plain page:
 * one build, entries sharing chunks, so the demo transport registers into the same element module the page
 * imported. `DH_H5_DEMO=0` leaves the GPL demo transport out (production).
 */
export function sdkBuildConfig(pageDir: string, pageFiles: readonly string[], port: number): UserConfig {
  const demo = process.env.DH_H5_DEMO === '0' ? {} : { 'local-demo': resolve(here, 'src/localDemo.ts') };
  return {
    root: pageDir,
    base: './',
    publicDir: false,
    plugins: [staticPage(pageDir, pageFiles)],
    worker: { format: 'es' },
    preview: { host: '127.0.0.1', port },
    build: {
      target: 'es2022',
      outDir: 'dist',
      emptyOutDir: true,
      chunkSizeWarningLimit: 1500,
      rolldownOptions: {
        input: {
          element: resolve(here, 'src/element.ts'),
          webview: resolve(here, 'src/webview.ts'),
          ...demo,
        },
        preserveEntrySignatures: 'strict',
        output: {
          entryFileNames: 'sdk/[name].js',
          chunkFileNames: 'sdk/[name]-[hash].js',
          assetFileNames: 'sdk/[name]-[hash][extname]',
        },
      },
    },
  };
}
