import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';
import type { AvatarPage, CheckReport, ShotOptions } from '../page/pageApi';

/** A running preview: Vite serving the page on localhost, headless Chromium showing it with the avatar loaded. */
export interface Preview {
  shot(options: ShotOptions): Promise<Buffer>;
  check(): Promise<CheckReport>;
  close(): Promise<void>;
}

/** Serves scripts/page with Vite (localhost only), opens it in Chromium and loads `vrmPath`. */
export async function openPreview(vrmPath: string): Promise<Preview> {
  const root = resolve(import.meta.dirname, '../page');
  const server = await createServer({
    configFile: false,
    root,
    logLevel: 'error',
    cacheDir: '/tmp/dh-avatars-vite-cache',
    server: { host: '127.0.0.1', port: 5290, strictPort: false, fs: { allow: [resolve(root, '../../..')] } },
  });
  await server.listen();
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('preview: vite did not report a URL');
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(base);
  await page.waitForFunction(() => 'avatarPage' in window, undefined, { timeout: 60_000 });
  type Win = Window & { avatarPage: AvatarPage };
  await page.evaluate((url) => (window as unknown as Win).avatarPage.load(url), `/@fs${resolve(vrmPath)}`);
  return {
    async shot(options) {
      const url = await page.evaluate((o) => (window as unknown as Win).avatarPage.shot(o), options);
      return Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
    },
    async check() {
      const report = await page.evaluate(() => (window as unknown as Win).avatarPage.check());
      if (errors.length > 0) throw new Error(`preview: page errors: ${errors.join('; ')}`);
      return report;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
