// The WebView page as the app loads it, with the native host played by the test: a fake iOS script message handler
// (window.webkit.messageHandlers.dh) or a fake Android interface (window.DigitalHumanHost) installed before the page
// runs, as the real hosts inject theirs; host → page calls go through window.DigitalHumanBridge.receive, as
// evaluateJavascript does. The dialog is the real local demo engine.
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

interface HostMessage {
  v: number;
  type: string;
  payload: Record<string, unknown>;
}
type Platform = 'ios' | 'android';

/** Opens the page with a fake native host that records every message the page posts in `window.fakeHostLog`. */
async function openAsHost(platform: Platform): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 390, height: 700 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript((kind: Platform) => {
    const log: unknown[] = [];
    Object.assign(window, { fakeHostLog: log });
    const fakeHandler = { postMessage: (json: string) => log.push(JSON.parse(json)) };
    if (kind === 'ios') Object.assign(window, { webkit: { messageHandlers: { dh: fakeHandler } } });
    else Object.assign(window, { DigitalHumanHost: fakeHandler });
  }, platform);
  await page.goto(url);
  return { page, errors };
}

/** What the host's evaluateJavascript runs: the page's receiver, with JSON text. */
const hostSends = (page: Page, json: string) =>
  page.evaluate(
    (text) =>
      (
        window as unknown as { DigitalHumanBridge: { receive(m: string): boolean } }
      ).DigitalHumanBridge.receive(text),
    json,
  );

const received = (page: Page) =>
  page.evaluate(() => (window as unknown as { fakeHostLog: HostMessage[] }).fakeHostLog);

const hasMessage = (page: Page, type: string, what: string, timeoutMs = 60_000) =>
  waitInPage(
    page,
    (t) => (window as unknown as { fakeHostLog: HostMessage[] }).fakeHostLog.some((m) => m.type === t),
    type,
    timeoutMs,
    what,
  );

describe('examples/webview: the page driven by a fake native host', () => {
  it('iOS host: ready → setUserContext/language/start → the real dialog talks; a customer asking for a human reaches the host', async () => {
    const { page, errors } = await openAsHost('ios');
    await hasMessage(page, 'ready', 'ready');
    expect((await received(page)).find((m) => m.type === 'ready')).toMatchObject({
      v: 1,
      payload: { mode: 'webgl', accepts: ['start', 'stop', 'setUserContext', 'mute', 'language'] },
    });
    expect(await hostSends(page, '{"v":1,"type":"setUserContext","payload":{"segment":"retail"}}')).toBe(
      true,
    );
    expect(await hostSends(page, '{"v":1,"type":"language","payload":{"lang":"en"}}')).toBe(true);
    expect(await hostSends(page, '{"v":1,"type":"start","id":"start-1"}')).toBe(true);
    await waitInPage(
      page,
      () => document.querySelector('digital-human')?.state?.speaking === true,
      null,
      60_000,
      'greeting',
    );
    const greeting = await page.evaluate(() =>
      document.querySelector('digital-human')?.state?.captions.at(-1),
    );
    expect(greeting?.speaker).toBe('agent');
    expect(greeting?.text).toMatch(/[A-Za-z]/); // English, as the host asked

    // The customer asks for a person (typed in the page); the dialog engine requests a handoff; the host hears it.
    await page.evaluate(() => document.querySelector('digital-human')!.say('human agent please'));
    await hasMessage(page, 'handoffRequested', 'handoffRequested');
    expect((await received(page)).find((m) => m.type === 'handoffRequested')?.payload).toMatchObject({
      reason: 'explicit',
    });

    expect(await hostSends(page, '{"v":1,"type":"mute","payload":{"muted":true}}')).toBe(true);
    await waitInPage(
      page,
      () => document.querySelector('digital-human')?.muted === true,
      null,
      10_000,
      'muted',
    );
    const events = (await received(page)).filter((m) => m.type === 'analytics').map((m) => m.payload.event);
    expect(events).toEqual(
      expect.arrayContaining(['user_context', 'language', 'started', 'connection', 'muted']),
    );
    expect((await received(page)).filter((m) => m.type === 'error')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Android host: bad messages come back as typed errors; the page keeps working', async () => {
    const { page, errors } = await openAsHost('android');
    await hasMessage(page, 'ready', 'ready');
    const bad = [
      'not json',
      JSON.stringify({ v: 1, type: 'setUserContext', payload: { blob: 'x'.repeat(20_000) } }),
      '{"v":99,"type":"start","id":"from-the-future"}',
      '{"v":1,"type":"format_disk"}',
      '{"v":1,"type":"language","payload":{"lang":"fr"}}',
    ];
    for (const json of bad) expect(await hostSends(page, json)).toBe(false);
    const codes = (await received(page)).filter((m) => m.type === 'error').map((m) => m.payload.code);
    expect(codes).toEqual([
      'malformed',
      'too-large',
      'unsupported-version',
      'unknown-type',
      'invalid-payload',
    ]);
    expect(await hostSends(page, '{"v":1,"type":"start"}')).toBe(true);
    await waitInPage(
      page,
      () => document.querySelector('digital-human')?.state?.connection === 'connected',
      null,
      20_000,
      'connected',
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});
