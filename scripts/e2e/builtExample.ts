// An example app as a bank would serve it, for e2e tests: built once with its own Vite config into a temp folder,
// served by Vite's static preview server on 127.0.0.1, with one Debian Chromium to open it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';

/** A built and served example, and the browser to open it in. */
export interface BuiltExample {
  /** The preview server's URL (with a trailing slash). */
  readonly url: string;
  readonly browser: Browser;
  /** Closes the browser and the server and removes the build. */
  close(): Promise<void>;
}

/** Builds the example at `root` (its `vite.config.ts`), serves the build and launches Chromium. */
export async function buildExample(root: string): Promise<BuiltExample> {
  const configFile = resolve(root, 'vite.config.ts');
  const outDir = mkdtempSync(join(tmpdir(), 'dh-example-built-'));
  const common = { root, configFile, configLoader: 'runner', logLevel: 'warn' } as const;
  await build({ ...common, build: { outDir, emptyOutDir: true } });
  const server = await preview({
    ...common,
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
  return {
    url: server.resolvedUrls?.local[0] ?? '',
    browser,
    async close() {
      await browser.close();
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
