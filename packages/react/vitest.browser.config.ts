// Temporary: the root `browser` project includes only `*.browser.test.ts`; until it also includes `.tsx`, run
// `npx vitest run --config packages/react/vitest.browser.config.ts` from the repo root.
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

export default defineConfig({
  test: {
    name: 'react-browser',
    include: ['packages/react/src/**/*.browser.test.tsx'],
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
