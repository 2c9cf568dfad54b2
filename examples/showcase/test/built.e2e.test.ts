// The showcase as a bank would ship it: `vite build` into a temp folder, served by a plain static server that sends
// the strict Content-Security-Policy of docs/self-hosting.md, opened in Debian's Chromium. The credit-card flow is
// completed by clicks, and no CSP violation may be reported on the way (nor while the face tracker loads).
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitInPage } from '../../../packages/livekit/test/e2eSupport';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';

const root = resolve(import.meta.dirname, '..');
const FACE_MODEL =
  process.env.DH_FACE_MODEL ??
  resolve(import.meta.dirname, '../../../../shared/fixtures/face_landmarker.task');

/** The policy documented in docs/self-hosting.md (LiveKit's URL is an example of the bank's own server). */
export const SHOWCASE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self' blob: wss://livekit.bank.example https://livekit.bank.example",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'self'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** A tiny static file server for `dir` on 127.0.0.1 that sends `csp` with every response. */
function serveStatic(dir: string, csp: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('content-security-policy', csp);
    res.end(readFileSync(file));
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      done({ server, url: `http://127.0.0.1:${port}/` });
    }),
  );
}

const outDir = mkdtempSync(join(tmpdir(), 'showcase-built-'));
let server: Server | undefined;
let url = '';
let browser: Browser;

beforeAll(async () => {
  await build({
    root,
    configFile: resolve(root, 'vite.config.ts'),
    configLoader: 'runner',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  ({ server, url } = await serveStatic(outDir, SHOWCASE_CSP));
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
  rmSync(outDir, { recursive: true, force: true });
});

/** A new page that records page errors and every CSP violation (event and console report). */
async function openPage(width: number, height: number) {
  const page = await browser.newPage({ viewport: { width, height } });
  const errors: string[] = [];
  const violations: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { __csp?: string[] };
      w.__csp ??= [];
      w.__csp.push(`${e.effectiveDirective} ${e.blockedURI}`);
    });
  });
  const cspEvents = () =>
    page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []).catch(() => []);
  return { page, errors, violations, cspEvents };
}

/** Waits (polling from Node every 500 ms) until the drop-in widget shows `step`. */
const step = (page: Page, s: string) =>
  waitInPage(
    page,
    (want) => document.querySelector<HTMLElement>('.dh-widget')?.dataset.step === want,
    s,
    30_000,
    `step ${s}`,
  );

/** A sharp text-like PNG drawn in the page (the materials pre-check rejects blurred photos). */
async function photo(page: Page, name: string) {
  const base64 = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(900, 560);
    const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
    ctx.fillStyle = '#eee';
    ctx.fillRect(0, 0, 900, 560);
    ctx.fillStyle = '#222';
    for (let i = 0; i < 30; i++) ctx.fillRect(40 + ((i * 97) % 700), 40 + i * 16, 160, 5);
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s);
  });
  return { name, mimeType: 'image/png', buffer: Buffer.from(base64, 'base64') };
}

describe('the built showcase under a strict CSP', () => {
  it('completes the credit-card application by clicks, needs → done, with no CSP violation', async () => {
    const { page, errors, violations, cspEvents } = await openPage(360, 640);
    try {
      await page.goto(`${url}?lang=en&flow=card`);
      await step(page, 'needs');
      await page.getByRole('radio', { name: 'Travel', exact: true }).click();
      await page.getByRole('radio', { name: 'Abroad', exact: true }).click();
      await page.getByRole('button', { name: 'Submit' }).click();
      await step(page, 'recommend');
      await page.getByRole('button', { name: 'Choose' }).first().click();
      await step(page, 'details');
      await page.getByRole('button', { name: 'Apply' }).click();
      await step(page, 'materials');
      await page.getByLabel('ID card, photo side').setInputFiles(await photo(page, 'front.png'));
      await page.getByLabel('ID card, back').setInputFiles(await photo(page, 'back.png'));
      // Playwright's click waits until the button is enabled: both photos passed the on-device pre-check.
      const next = page.getByRole('button', { name: 'Next', exact: true });
      await next.click();
      await step(page, 'services');
      await page.getByRole('checkbox', { name: 'SMS alerts' }).click();
      await next.click();
      await step(page, 'terms');
      await page.getByTestId('disclosure-text').evaluate((box) => {
        box.scrollTop = box.scrollHeight;
      });
      await page.getByRole('button', { name: 'I have read and agree' }).click();
      await step(page, 'timeline');
      for (const s of ['activation', 'tips', 'survey']) {
        await next.click();
        await step(page, s);
      }
      await page.getByRole('radio', { name: '5', exact: true }).first().click();
      await page.getByRole('button', { name: 'Submit' }).click();
      await step(page, 'done');
      expect(await page.locator('.dh-stage canvas, .dh-stage img').count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
      expect([...violations, ...(await cspEvents())]).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it.skipIf(!existsSync(FACE_MODEL))(
    'renders the avatar and loads the face tracker (wasm + model from the app) with no CSP violation',
    async () => {
      const { page, errors, violations, cspEvents } = await openPage(1280, 800);
      try {
        await page.goto(`${url}?lang=en`);
        await waitInPage(
          page,
          () => document.querySelector('#status')?.textContent === 'Ready',
          null,
          60_000,
          'avatar ready',
        );
        expect(await page.locator('#avatar canvas').count()).toBe(1);
        await page.click('#camera');
        await waitInPage(
          page,
          () => document.querySelector('#camera')?.getAttribute('aria-pressed') === 'true',
          null,
          60_000,
          'camera sensing on',
        );
        expect(await page.locator('#camera-indicator').textContent()).toContain('Camera on');
        expect(errors).toEqual([]);
        expect([...violations, ...(await cspEvents())]).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );
});
