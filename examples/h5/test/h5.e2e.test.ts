// The plain H5 page as a bank would serve it: the SDK files built once (`vite build`), the page's own HTML and
// script copied as they are, everything served by Vite as a static server (`preview`), opened in Debian's Chromium.
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitInPage } from '../../../packages/livekit/test/e2eSupport';
import { type BuiltExample, buildExample } from '../../../scripts/e2e/builtExample';

const root = resolve(import.meta.dirname, '..');
let site: BuiltExample | undefined;
let url = '';
let browser: Browser;

beforeAll(async () => {
  site = await buildExample(root);
  ({ url, browser } = site);
});

afterAll(async () => {
  await site?.close();
});

/** Opens the page; collects page errors and the URLs it requested. */
async function open(query = ''): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 430, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${url}${query}`);
  return { page, errors, requests };
}

/** Agent caption lines in the element's caption region (read through its open shadow root). */
const agentLines = (page: Page) =>
  page.evaluate(() =>
    [...(document.querySelector('digital-human')?.shadowRoot?.querySelectorAll('[data-speaker]') ?? [])].map(
      (p) => `${(p as HTMLElement).dataset.speaker}:${p.textContent}`,
    ),
  );

describe('examples/h5: the plain page, built and served statically', () => {
  it('renders the project avatar in the element (non-blank canvas pixels)', async () => {
    const { page, errors } = await open();
    await waitInPage(
      page,
      () => document.querySelector('digital-human')?.state?.avatarStatus === 'ready',
      null,
      60_000,
      'avatar ready',
    );
    const pixels = await page.evaluate(() => {
      const view = document.querySelector('digital-human')!.view!;
      view.renderOnce();
      const source = view.canvas;
      const copy = document.createElement('canvas');
      copy.width = source.width;
      copy.height = source.height;
      const ctx = copy.getContext('2d')!;
      ctx.drawImage(source, 0, 0);
      const data = ctx.getImageData(0, 0, copy.width, copy.height).data;
      let opaque = 0;
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3]! < 200) continue;
        opaque++;
        colours.add(((data[i]! >> 4) << 8) | ((data[i + 1]! >> 4) << 4) | (data[i + 2]! >> 4));
      }
      return { total: data.length / 4, opaque, colours: colours.size };
    });
    console.log(`h5 avatar pixels: ${pixels.opaque}/${pixels.total} opaque, ${pixels.colours} colours`);
    expect(pixels.opaque / pixels.total).toBeGreaterThan(0.15);
    expect(pixels.colours).toBeGreaterThan(30);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('talks on the local demo transport: greets with speech, answers typed text', async () => {
    const { page, errors } = await open();
    await waitInPage(
      page,
      () => document.querySelector('digital-human')?.state?.avatarStatus === 'ready',
      null,
      60_000,
      'avatar ready',
    );
    await page.click('#start');
    await waitInPage(
      page,
      () => document.querySelector('digital-human')?.state?.connection === 'connected',
      null,
      20_000,
      'connected',
    );
    await waitInPage(
      page,
      () => document.querySelector('digital-human')?.state?.speaking === true,
      null,
      60_000,
      'greeting speech',
    );
    const greeting = await agentLines(page);
    expect(greeting.some((l) => l.startsWith('agent:') && l.length > 8)).toBe(true);

    await page.fill('#text', '营业时间');
    await page.press('#text', 'Enter');
    await waitInPage(
      page,
      () => {
        const state = document.querySelector('digital-human')?.state;
        const captions = state?.captions ?? [];
        const asked = captions.findIndex((c) => c.speaker === 'customer' && c.text === '营业时间');
        return (
          asked >= 0 && captions.slice(asked + 1).some((c) => c.speaker === 'agent' && c.text.length > 0)
        );
      },
      null,
      60_000,
      'an answer to 营业时间',
    );
    const log = (await page.locator('#events').textContent()) ?? '';
    expect(log).toContain('dh-connection {"state":"connected"}');
    expect(log).toContain('营业时间');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('with a token endpoint, never loads the GPL demo file and reports a failed connection as dh-error', async () => {
    const { page, requests } = await open('?token-endpoint=/no-such-endpoint');
    await waitInPage(
      page,
      () => document.querySelector('digital-human')?.state?.avatarStatus === 'ready',
      null,
      60_000,
      'avatar ready',
    );
    const code = await page.evaluate(async () => {
      const dh = document.querySelector('digital-human')!;
      const error = new Promise<string>((done) =>
        dh.addEventListener('dh-error', (e) => done(e.detail.code)),
      );
      await dh.start();
      return error;
    });
    expect(code).toBe('transport-failed');
    expect(
      requests.some((r) => r.includes('local-demo') || r.includes('dialog.worker') || r.includes('espeak')),
    ).toBe(false);
    await page.close();
  });
});
