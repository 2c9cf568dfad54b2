import { existsSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

const root = dirname(fileURLToPath(import.meta.url));
/** Third-party test data lives beside the repo, never in it. */
const fixturesPath = resolve(root, '../shared/fixtures');
const hasFixtures = existsSync(resolve(fixturesPath, 'SOURCES.md'));
// The real path: vite checks `server.fs.allow` against resolved paths, so a linked shared/ must be resolved first.
const fixturesDir = hasFixtures ? realpathSync(fixturesPath) : fixturesPath;

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL prefix of `../shared/fixtures/` as served to browser tests, or '' when the fixtures are absent. */
    fixturesUrl: string;
    /** Absolute path of `../shared/fixtures/`, or '' when absent. */
    fixturesDir: string;
  }
}

const provide = {
  fixturesUrl: hasFixtures ? `/@fs${fixturesDir}/` : '',
  fixturesDir: hasFixtures ? fixturesDir : '',
};

export default defineConfig({
  server: { fs: { allow: [root, fixturesDir] } },
  // Pre-bundle three's addons with three itself, so the first browser run neither reloads nor loads three twice.
  optimizeDeps: {
    include: [
      'three',
      'three/examples/jsm/loaders/GLTFLoader.js',
      'three/examples/jsm/exporters/GLTFExporter.js',
      'onnxruntime-web/wasm',
    ],
  },
  test: {
    projects: [
      // Storybook interaction tests: every story rendered and its play function run in Chromium.
      '.storybook/vitest.config.ts',
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['packages/*/src/**/*.test.ts', 'avatars/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.browser.test.ts', '**/node_modules/**'],
          provide,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['packages/*/test/**/*.e2e.test.ts', 'examples/*/test/**/*.e2e.test.ts'],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
          provide,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: [
            'packages/*/src/**/*.browser.test.ts',
            'packages/*/src/**/*.browser.test.tsx',
            'packages/*/test/**/*.browser.test.ts',
          ],
          provide,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: { executablePath: chromiumPath(), args: chromiumArgs() },
            }),
            instances: [{ browser: 'chromium', viewport: { width: 800, height: 600 } }],
          },
        },
      },
    ],
  },
});
