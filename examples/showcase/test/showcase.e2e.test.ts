import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';

const root = resolve(import.meta.dirname, '..');
/** The face model the showcase serves when it is there (see its vite.config.ts). */
const FACE_MODEL =
  process.env.DH_FACE_MODEL ??
  resolve(import.meta.dirname, '../../../../shared/fixtures/face_landmarker.task');
let server: ViteDevServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

/** Bot captions in the conversation log. */
const botCaptions = () => page.locator('#log li.bot').allTextContents();
/**
 * Samples the mouth (non-silence viseme weight of the mixer's last rendered frame) every 40 ms until it
 * has opened and taken three different shapes, or `ms` passed (a loaded machine renders few frames).
 */
const sampleMouth = (ms: number) =>
  page.evaluate(
    (duration) =>
      new Promise<number[]>((done) => {
        const hook = (window as unknown as { __dh: { mouthOpen(): number } }).__dh;
        const values: number[] = [];
        const end = performance.now() + duration;
        const moving = () => Math.max(...values) > 0.2 && new Set(values.map((v) => v.toFixed(2))).size >= 3;
        // Read every 40 ms: the render loop updates the frame; timers keep sampling even when frames are slow.
        const tick = () => {
          values.push(hook.mouthOpen());
          if (performance.now() < end && !moving()) setTimeout(tick, 40);
          else done(values);
        };
        tick();
      }),
    ms,
  );

/**
 * The mouth opened and changed shape over the samples: open past 0.2 and moving by more than 0.05 between rendered
 * frames. (Three distinct shapes are the usual case; under load only two frames may land during the sampling.)
 */
function expectMoving(values: readonly number[]): void {
  expect(Math.max(...values)).toBeGreaterThan(0.2);
  expect(Math.max(...values) - Math.min(...values)).toBeGreaterThan(0.05);
  expect(new Set(values.map((v) => v.toFixed(2))).size).toBeGreaterThanOrEqual(2);
}

beforeAll(async () => {
  server = await createServer({
    root,
    configFile: resolve(root, 'vite.config.ts'),
    // The config imports a workspace package's TypeScript (the sensing assets plugin): run it, don't bundle it.
    configLoader: 'runner',
    server: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'error',
  });
  await server.listen();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('showcase: the embedded default talks', () => {
  it('greets in zh-CN with mouth motion, then answers a typed question', async () => {
    const url = server.resolvedUrls?.local[0];
    expect(url).toBeTruthy();
    await page.goto(`${url}?lang=zh-CN`);
    await expect(page.locator('.ai-label')).toBeDefined();
    expect(await page.locator('.ai-label').isVisible()).toBe(true);

    await page.waitForSelector('#log li.bot', { timeout: 60_000 });
    const [greeting] = await botCaptions();
    expect(greeting).toMatch(/您好|欢迎/);
    // The greeting's speech moves the mouth (it may still be loading espeak-ng: wait for the speaking state).
    await page.waitForFunction(
      () => (window as unknown as { __dh: { mouthOpen(): number } }).__dh.mouthOpen() > 0.05,
      undefined,
      { timeout: 60_000, polling: 50 },
    );
    // Headless SwiftShader renders ~10 frames a second: the mouth must take several different shapes.
    expectMoving(await sampleMouth(6000));

    await page.fill('#input', '营业时间是几点？');
    await page.press('#input', 'Enter');
    await page.waitForSelector('#log li.me', { timeout: 5000 });
    await page.waitForFunction((n) => document.querySelectorAll('#log li.bot').length > n, 1, {
      timeout: 30_000,
    });
    const answer = (await botCaptions()).at(-1) ?? '';
    expect(answer).not.toBe(greeting);
    expect(answer.length).toBeGreaterThan(4);
    const overlay = await page.locator('.dh-avatar-captions').textContent();
    expect(overlay).toBe(answer.replace(/^助手/, ''));
    // The caption can arrive before its audio starts: wait for the answer's speech to open the mouth.
    await page.waitForFunction(
      () => (window as unknown as { __dh: { mouthOpen(): number } }).__dh.mouthOpen() > 0.05,
      undefined,
      { timeout: 30_000, polling: 50 },
    );
    expectMoving(await sampleMouth(6000));
    expect(pageErrors).toEqual([]);
  });

  it('asks for a tap when the browser blocks autoplay, and the tap starts the sound', async () => {
    const strict = await chromium.launch({
      executablePath: chromiumPath(),
      args: chromiumArgs().filter((a) => !a.startsWith('--autoplay-policy')),
    });
    try {
      const p = await strict.newPage({ viewport: { width: 360, height: 640 } });
      await p.goto(`${server.resolvedUrls?.local[0]}?lang=en`);
      const unlock = p.locator('#unlock');
      await unlock.waitFor({ state: 'visible', timeout: 30_000 });
      expect(await unlock.textContent()).toMatch(/Tap to start sound/);
      // A real mouse click (a user gesture); `force` skips the stability wait, which a loaded machine can fail.
      await unlock.click({ force: true, timeout: 15_000 });
      await unlock.waitFor({ state: 'hidden', timeout: 5000 });
      const state = await p.evaluate(
        () =>
          (window as unknown as { __dh: { conversation: { audioContext: AudioContext } } }).__dh.conversation
            .audioContext.state,
      );
      expect(state).toBe('running');
    } finally {
      await strict.close();
    }
  });

  it('opens the three drop-in flows from the tabs over the same transport, then the chat again', async () => {
    const p = await browser.newPage({ viewport: { width: 360, height: 640 } });
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    try {
      await p.goto(`${server.resolvedUrls?.local[0]}?lang=zh-CN`);
      await p.waitForSelector('#log li.bot', { timeout: 60_000 });
      const step = (s: string) => p.waitForSelector(`.dh-widget[data-step="${s}"]`, { timeout: 30_000 });
      await p.getByRole('tab', { name: '办卡' }).click();
      await step('needs');
      expect(await p.locator('main.showcase').isHidden()).toBe(true);
      // The avatar slot holds <DigitalHuman/>: its canvas (or, without WebGL, the portrait).
      await p.waitForSelector('.dh-stage canvas, .dh-stage img', { timeout: 30_000 });
      await p.getByRole('radio', { name: '旅行' }).click();
      await p.getByRole('radio', { name: '境外' }).click();
      await p.getByRole('button', { name: '提交' }).click();
      await step('recommend');
      await p.waitForFunction(
        () => document.querySelector('.dh-captions')?.textContent?.includes('推荐'),
        undefined,
        {
          timeout: 30_000,
        },
      );
      await p.getByRole('tab', { name: '网点迎宾' }).click();
      await step('attract');
      await p.getByRole('button', { name: '开始服务' }).click();
      await step('greet');
      await p.getByRole('tab', { name: '理财顾问' }).click();
      await step('profile');
      expect(await p.getByText('本服务由人工智能生成').isVisible()).toBe(true);
      await p.getByRole('tab', { name: '智能对话' }).click();
      expect(await p.locator('main.showcase').isVisible()).toBe(true);
      expect(await p.locator('#flows').isHidden()).toBe(true);
      const flowsSeen = await p.evaluate(() =>
        (
          window as unknown as { __dh: { flows: { events: { type: string; flow: string }[] } } }
        ).__dh.flows.events
          .filter((e) => e.type === 'flow_started')
          .map((e) => e.flow),
      );
      expect(flowsSeen).toContain('card_application');
      expect(flowsSeen).toContain('financial_advisor');
      expect(errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
  it.skipIf(!existsSync(FACE_MODEL))(
    'turns the camera on only when asked, shows that it is on, and stops it with one tap',
    async () => {
      const p = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const errors: string[] = [];
      p.on('pageerror', (e) => errors.push(e.message));
      try {
        await p.goto(`${server.resolvedUrls?.local[0]}?lang=zh-CN`);
        await p.waitForSelector('#log li.bot', { timeout: 60_000 });
        expect(await p.locator('#camera-indicator').isHidden()).toBe(true);
        const cameraOn = () =>
          p.evaluate(() => document.querySelector('#camera')?.getAttribute('aria-pressed'));
        expect(await cameraOn()).toBe('false');
        await p.click('#camera');
        await p.locator('#camera-indicator').waitFor({ state: 'visible', timeout: 60_000 });
        expect(await p.locator('#camera-indicator').textContent()).toContain('摄像头已开启');
        expect(await cameraOn()).toBe('true');
        await p.click('#camera');
        await p.locator('#camera-indicator').waitFor({ state: 'hidden', timeout: 10_000 });
        expect(await cameraOn()).toBe('false');
        expect(errors).toEqual([]);
      } finally {
        await p.close();
      }
    },
  );
});
