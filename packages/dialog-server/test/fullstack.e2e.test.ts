// The whole stack on 127.0.0.1: a real livekit-server, the reference dialog service (its token endpoint and an
// agent per room, rtc-node), and a customer page in headless Chromium using LiveKitTransport + the session router +
// a speech driver. Page state is polled from Node every 500 ms (waitInPage); the page samples the mouth and the
// rendered sound on a 20 ms timer, never on animation frames. Prints what it measures.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMessage, encode, exampleMessages, topicFor } from '@digital-human/protocol';
import { dispose as disposeRtcNode, Room as NodeRoom } from '@livekit/rtc-node';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';
import {
  type LiveKitServer,
  liveKitServerPath,
  startLiveKitServer,
} from '../../../scripts/livekit/server.mjs';
import { mintToken, servePage, waitInPage } from '../../livekit/test/e2eSupport';
import { type RunningDialogServer, startDialogServer } from '../src';
import type { FullstackLog } from './fullstack-page/fullstackApi';
import { speechWindows, syncReport } from './fullstackMeasure';
import { fetchDialogToken, localDialogConfig } from './localDialogConfig';

const hasServer = existsSync(liveKitServerPath());
const PAGE = resolve(dirname(fileURLToPath(import.meta.url)), 'fullstack-page');

describe.skipIf(!hasServer)('full stack: livekit-server + dialog-server + Chromium customer', () => {
  let livekit: LiveKitServer;
  let dialog: RunningDialogServer;
  let pageServer: ViteDevServer;
  let browser: Browser;
  let page: Page;
  let room = '';
  const measured: Record<string, unknown> = {};
  const log = (): Promise<FullstackLog> => page.evaluate(() => window.fullstackE2E.log);
  const until = (predicate: (arg: number) => boolean, arg: number, timeoutMs: number, what: string) =>
    waitInPage(page, predicate, arg, timeoutMs, what);

  beforeAll(async () => {
    livekit = await startLiveKitServer();
    dialog = await startDialogServer(localDialogConfig(livekit));
    const served = await servePage(PAGE, async (body) => {
      const json = await fetchDialogToken(dialog.url, body);
      room = json.room;
      return json;
    });
    pageServer = served.server;
    browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
    page = await browser.newPage();
    page.on('pageerror', (err) => console.error('page error:', err));
    await page.goto(served.url);
    await page.waitForFunction(() => window.fullstackE2E !== undefined);
  }, 120_000);

  afterAll(async () => {
    await page?.evaluate(() => window.fullstackE2E.dispose()).catch(() => undefined);
    await browser?.close();
    await dialog?.close();
    await disposeRtcNode();
    await pageServer?.close();
    await livekit?.stop();
    console.log('full-stack e2e:', JSON.stringify(measured, null, 1));
  });

  it('joins; sound stays blocked until a click unlocks it', async () => {
    await page.evaluate(() => window.fullstackE2E.connect());
    expect(room).toMatch(/^dh-/);
    const status = await page.evaluate(() => window.fullstackE2E.status());
    expect(status.state).toBe('connected');
    expect(status.canPlayAudio).toBe(false);
    expect((await log()).audioplayback.at(-1)).toBe(false);
    await page.click('#sound');
    await until(() => window.fullstackE2E.status().canPlayAudio, 0, 10_000, 'audio unlocked');
    expect((await log()).audioplayback.at(-1)).toBe(true);
  }, 60_000);

  it('greets with the mouth moving only while its audio plays (audio clock)', async () => {
    await page.evaluate(() => window.fullstackE2E.hello());
    await until(
      () => window.fullstackE2E.log.speechfinished.length > 0,
      0,
      60_000,
      'the greeting played out',
    ).catch(async (error: unknown) => {
      const l = await log();
      console.log('greeting:', JSON.stringify({ ...l, samples: l.samples.slice(-20) }));
      throw error;
    });
    await new Promise((r) => setTimeout(r, 600)); // samples after the end: the mouth must be closed again
    const l = await log();
    measured.helloResends = l.helloResends;
    if (l.helloResends > 0) console.warn(`the service answered only after ${l.helloResends} hello resend(s)`);
    const announced = l.messages.filter((m) => m.type === 'speech.start').map((m) => m.id);
    const first = l.speechstarted[0]!;
    expect(announced).toContain(first.utteranceId); // dh.utterance_id names the stream's utterance
    expect(l.speechfinished[0]).toMatchObject({ utteranceId: first.utteranceId, interrupted: false });
    const report = syncReport(l.samples, speechWindows(l));
    measured.greeting = report;
    expect(report.openSamples).toBeGreaterThan(5);
    expect(report.openOutsideAudio).toBeLessThanOrEqual(2);
    expect(Math.abs(report.onsetErrorMs)).toBeLessThan(120);
    expect(report.loudWhileOpen).toBeGreaterThan(0.5);
  }, 90_000);

  it('answers typed text: acked, then speech with mouth motion', async () => {
    const n = (await log()).speechstarted.length;
    const id = await page.evaluate(() => window.fullstackE2E.say('你们几点营业？'));
    await until((k) => window.fullstackE2E.log.speechstarted.length > k, n, 60_000, 'the answer speaks');
    const l = await log();
    const sent = l.sent.find((s) => s.id === id)!;
    const acked = l.messages.find((m) => m.type === 'ack' && m.id === id);
    expect(acked).toBeDefined();
    const answer = l.speechstarted[n]!;
    measured.textToAckMs = Math.round(acked!.at - sent.at);
    measured.textToSpeechStartedMs = Math.round(answer.at - sent.at);
    expect(await page.evaluate(() => window.fullstackE2E.unacknowledged())).toEqual([]);
  }, 90_000);

  it('an interrupt cuts the speech within 150 ms', async () => {
    await until(
      () => {
        const l = window.fullstackE2E.log;
        const s = l.speechstarted.at(-1);
        return !!s && !l.speechfinished.some((f) => f.utteranceId === s.utteranceId);
      },
      0,
      30_000,
      'speech playing',
    );
    const id = await page.evaluate(() => window.fullstackE2E.act('interrupt'));
    await until(
      () => window.fullstackE2E.log.speechfinished.some((f) => f.interrupted),
      0,
      10_000,
      'speech cut',
    );
    await new Promise((r) => setTimeout(r, 500));
    const l = await log();
    const sent = l.sent.find((s) => s.id === id)!;
    const cut = l.speechfinished.find((f) => f.interrupted)!;
    measured.interruptMs = Math.round(cut.at - sent.at);
    const after = l.samples.filter((s) => s.t > l.samples.at(-1)!.t - 0.3);
    expect(after.every((s) => s.mouth < 0.05 && s.rms < 0.003)).toBe(true);
    expect(measured.interruptMs).toBeLessThan(150);
  }, 60_000);

  it('a full reconnect: reconnecting → reconnected, the session goes on, an action sent meanwhile is acked', async () => {
    await page.evaluate(() => window.fullstackE2E.actOnNextDrop('interrupt'));
    const sentBefore = (await log()).sent.length;
    await page.evaluate(() => window.fullstackE2E.simulate('full-reconnect'));
    await until(
      () => window.fullstackE2E.log.connection.some((c) => c.state === 'reconnected'),
      0,
      30_000,
      'reconnected',
    );
    await until(() => window.fullstackE2E.unacknowledged().length === 0, 0, 20_000, 'outage action acked');
    const l = await log();
    const drop = l.connection.find((c) => c.state === 'reconnecting')!;
    const back = l.connection.find((c) => c.state === 'reconnected')!;
    expect(back.full).toBe(true);
    const during = l.sent.slice(sentBefore).find((s) => s.type === 'user.action')!;
    expect(during.at).toBeGreaterThanOrEqual(drop.at);
    expect(during.at).toBeLessThan(back.at);
    expect(l.messages.some((m) => m.type === 'ack' && m.id === during.id)).toBe(true);
    measured.reconnectMs = Math.round(back.at - drop.at);
    // The transport said hello again: the service answered with a resync (state, captions), not a new greeting.
    await until(
      (t) => window.fullstackE2E.log.messages.some((m) => m.type === 'dialog.state' && m.at > t),
      back.at,
      10_000,
      'the resync after the full reconnect',
    );
    const resynced = await log();
    expect(resynced.messages.filter((m) => m.at > back.at && m.type === 'speech.start')).toEqual([]);
    const n = l.speechstarted.length;
    await page.evaluate(() => window.fullstackE2E.say('信用卡年费多少？'));
    await until((k) => window.fullstackE2E.log.speechstarted.length > k, n, 60_000, 'speech after reconnect');
  }, 120_000);

  it("ignores a forged customer's ui and speech messages (and the service ignores its text)", async () => {
    const forger = new NodeRoom();
    await forger.connect(livekit.url, await mintToken(livekit, room, 'customer-forger', 'customer'), {
      autoSubscribe: false,
      dynacast: false,
    });
    try {
      const publish = (m: Parameters<typeof encode>[0]) =>
        forger.localParticipant!.publishData(encode(m), { reliable: true, topic: topicFor(m.type) });
      await publish(exampleMessages()['ui.card']);
      await publish(createMessage('speech.start', { utteranceId: 'forged-1', text: '请提供密码' }));
      await publish(createMessage('user.text', { id: 'forged-text', text: '注销我的账户' }));
      await until(
        () => window.fullstackE2E.log.security.filter((s) => s.identity === 'customer-forger').length >= 2,
        0,
        15_000,
        'security events for the forger',
      );
      await new Promise((r) => setTimeout(r, 1500));
      const l = await log();
      expect(l.messages.filter((m) => m.identity === 'customer-forger')).toEqual([]);
      expect(l.messages.some((m) => m.type === 'ack' && m.id === 'forged-text')).toBe(false);
      expect(l.speechstarted.some((s) => s.utteranceId === 'forged-1')).toBe(false);
    } finally {
      await forger.disconnect();
    }
  }, 60_000);
});
