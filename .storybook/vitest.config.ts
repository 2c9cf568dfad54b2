// Storybook interaction tests: every story is rendered and its `play` function run in Vitest browser mode, in
// Debian's Chromium with the project's launch flags (never a downloaded browser).
// Run from the repo root: `npx vitest run --config .storybook/vitest.config.ts`.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

const configDir = dirname(fileURLToPath(import.meta.url));
process.env.STORYBOOK_DISABLE_TELEMETRY = '1';

export default defineConfig({
  plugins: [storybookTest({ configDir })],
  test: {
    name: 'storybook',
    root: dirname(configDir),
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({ launchOptions: { executablePath: chromiumPath(), args: chromiumArgs() } }),
      instances: [{ browser: 'chromium', viewport: { width: 800, height: 600 } }],
    },
  },
});
