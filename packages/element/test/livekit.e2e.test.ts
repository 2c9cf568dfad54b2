// The element's built-in `livekit` transport end to end on 127.0.0.1: a real livekit-server, the reference dialog
// service (its token endpoint and an agent per room), and a page with <digital-human transport="livekit"
// token-endpoint="/token"> in Debian's Chromium. Page state is polled from Node every 500 ms.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type RunningDialogServer, startDialogServer } from '@digital-human/dialog-server';
import { dispose as disposeRtcNode } from '@livekit/rtc-node';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';
import {
  type LiveKitServer,
  liveKitServerPath,
  startLiveKitServer,
} from '../../../scripts/livekit/server.mjs';
import { fetchDialogToken, localDialogConfig } from '../../dialog-server/test/localDialogConfig';
import { servePage, waitInPage } from '../../livekit/test/e2eSupport';

const hasServer = existsSync(liveKitServerPath());
interface Logged {
  type: string;
  detail: Record<string, unknown>;
}

describe.skipIf(!hasServer)(
  '<digital-human transport="livekit"> with livekit-server and dialog-server',
  () => {
    let livekit: LiveKitServer;
    let dialog: RunningDialogServer;
    let pageServer: ViteDevServer;
    let browser: Browser;
    let page: Page;
    let tokenBody: Record<string, unknown> = {};
    const events = (): Promise<Logged[]> =>
      page.evaluate(() => (window as unknown as { elementE2E: Logged[] }).elementE2E);

    beforeAll(async () => {
      livekit = await startLiveKitServer();
      dialog = await startDialogServer(localDialogConfig(livekit));
      const served = await servePage(resolve(import.meta.dirname, 'livekit-page'), async (body) => {
        tokenBody = body;
        return fetchDialogToken(dialog.url, body);
      });
      pageServer = served.server;
      browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
      page = await browser.newPage();
      page.on('pageerror', (err) => console.error('page error:', err));
      await page.goto(served.url);
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await dialog?.close();
      await disposeRtcNode();
      await pageServer?.close();
      await livekit?.stop();
    });

    it('connects with a token from the endpoint, hears the greeting as captions, answers and hands off', async () => {
      await waitInPage(
        page,
        () => (window as unknown as { elementE2E: Logged[] }).elementE2E.some((e) => e.type === 'dh-ready'),
        null,
        60_000,
        'dh-ready',
      );
      await page.click('#start');
      await waitInPage(
        page,
        () => document.querySelector('digital-human')?.state?.connection === 'connected',
        null,
        30_000,
        'connected',
      );
      expect(tokenBody).toMatchObject({ language: 'zh-CN' });
      await waitInPage(
        page,
        () =>
          document.querySelector('digital-human')?.state?.captions.some((c) => c.speaker === 'agent') ===
          true,
        null,
        60_000,
        'the greeting caption',
      );
      await page.evaluate(() => document.querySelector('digital-human')!.say('转人工'));
      await waitInPage(
        page,
        () =>
          (window as unknown as { elementE2E: Logged[] }).elementE2E.some(
            (e) => e.type === 'dh-handoff-requested',
          ),
        null,
        60_000,
        'dh-handoff-requested',
      );
      const log = await events();
      expect(log.filter((e) => e.type === 'dh-error')).toEqual([]);
      expect(log.find((e) => e.type === 'dh-handoff-requested')?.detail).toMatchObject({
        reason: 'explicit',
      });
      expect(log.some((e) => e.type === 'dh-caption' && e.detail.speaker === 'customer')).toBe(true);
    }, 120_000);
  },
);
