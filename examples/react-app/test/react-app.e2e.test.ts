// The React example as built for production (`vite build`), served by Vite's static preview server and opened in
// Debian's Chromium: the avatar shows, a tap starts the local demo conversation, a typed question is answered.
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
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
