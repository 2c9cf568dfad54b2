// The React example as built for production (`vite build`), served by Vite's static preview server and opened in
// Debian's Chromium: the avatar shows, a tap starts the local demo conversation, a typed question is answered.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { build, type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitInPage } from '../../../packages/livekit/test/e2eSupport';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';

const root = resolve(import.meta.dirname, '..');
const configFile = resolve(root, 'vite.config.ts');
const outDir = mkdtempSync(join(tmpdir(), 'react-app-built-'));
let server: PreviewServer | undefined;
let url = '';
let browser: Browser;

beforeAll(async () => {
  await build({
    root,
    configFile,
    configLoader: 'runner',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  server = await preview({
    root,
    configFile,
    configLoader: 'runner',
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  url = server.resolvedUrls?.local[0] ?? '';
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(outDir, { recursive: true, force: true });
});

describe('examples/react-app', () => {
  it('shows the avatar, greets on Start and answers typed text over the local transport', async () => {
    const page = await browser.newPage({ viewport: { width: 430, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await waitInPage(
      page,
      () => document.querySelector<HTMLElement>('.status')?.dataset.avatar === 'ready',
      null,
      60_000,
      'avatar ready',
    );
    expect(await page.locator('canvas').count()).toBe(1);

    await page.click('text=开始对话');
    await waitInPage(
      page,
      () => document.querySelector('.transcript [data-speaker="agent"]') !== null,
      null,
      60_000,
      'greeting',
    );
    expect(await page.locator('.status').getAttribute('data-connection')).toBe('connected');

    await page.fill('input', '营业时间');
    await page.press('input', 'Enter');
    await waitInPage(
      page,
      () => {
        const items = [...document.querySelectorAll<HTMLElement>('.transcript li')];
        const asked = items.findIndex(
          (li) => li.dataset.speaker === 'customer' && li.textContent === '营业时间',
        );
        return asked >= 0 && items.slice(asked + 1).some((li) => li.dataset.speaker === 'agent');
      },
      null,
      60_000,
      'an answer to 营业时间',
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});
