// The end to end on 127.0.0.1: a real livekit-server, the dialog service with its handoff desk, and in one
// headless Chromium (fake camera playing the fixture faces) a customer page and the operator console. The customer
// asks for a human, the request shows in the console's queue, the operator takes over and hands back several times;
// a customer-token forger in Node sends take_over and face frames. Prints what it measures.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningHandoffServer } from '@digital-human/dialog-server';
import {
  createMessage,
  createOperatorFaceFrame,
  encode,
  encodeFaceFrame,
  Topic,
} from '@digital-human/protocol';
import { dispose as disposeRtcNode, Room as NodeRoom } from '@livekit/rtc-node';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mintToken, servePage, summarize, waitInPage } from '../../../packages/livekit/test/e2eSupport';
import { type FaceY4m, hasFaceFixtures, makeFaceY4m } from '../../../packages/sense/test/makeFaceY4m';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';
import {
  type LiveKitServer,
  liveKitServerPath,
  startLiveKitServer,
} from '../../../scripts/livekit/server.mjs';
import './customer-page/customerApi';
import { consoleUrl, serveConsole } from './consoleSupport';

const fixturesDir = inject('fixturesDir');
const hasFixtures = hasFaceFixtures(fixturesDir, 'handoff e2e');
const hasServer = existsSync(liveKitServerPath());
if (!hasServer) console.warn('handoff e2e skipped: no livekit-server binary at', liveKitServerPath());

const here = dirname(fileURLToPath(import.meta.url));
const SECRET = 'e2e-operator-secret';
const OPERATOR = 'op-e2e';
const CYCLES = Number(process.env.E2E_HANDOFF_CYCLES ?? 6);
/** The first switch of a fresh service and console is reported but left out of the statistics (warm-up). */
const WARMUP = 1;
const REASON_ZH = '客户要求人工';
/** A folder to write screenshots of the console into (queue, live session), e.g. E2E_CONSOLE_SHOTS=/tmp. */
const SHOTS = process.env.E2E_CONSOLE_SHOTS;

describe.skipIf(!hasFixtures || !hasServer)('handoff to a human puppeteer, end to end', () => {
  let livekit: LiveKitServer;
  let handoff: RunningHandoffServer;
  let video: FaceY4m;
  let consoleServer: ViteDevServer;
  let customerServer: ViteDevServer;
  let browser: Browser;
  let customer: Page;
  let operator: Page;
  let room = '';
  const measured: Record<string, unknown> = {};
  const security: string[] = [];

  beforeAll(async () => {
    livekit = await startLiveKitServer();
    const { startHandoffServer } = await import('@digital-human/dialog-server');
    handoff = await startHandoffServer(
      {
        livekitUrl: livekit.url,
        publicUrl: livekit.url,
        apiKey: livekit.apiKey,
        apiSecret: livekit.apiSecret,
        operatorSecret: SECRET,
        host: '127.0.0.1',
        port: 0,
      },
      { desk: { operators: [{ id: OPERATOR, skills: ['general', 'soothing', 'complaints'] }] } },
    );
    handoff.desk.events.on('security', (e) => security.push(`${e.identity}:${e.attempted}`));
    video = await makeFaceY4m({ fixturesDir });
    consoleServer = await serveConsole(handoff.url);
    const served = await servePage(resolve(here, 'customer-page'), async (body) => {
      const answer = await fetch(`${handoff.url}/api/dh/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!answer.ok) throw new Error(`token endpoint answered ${answer.status}`);
      const json = (await answer.json()) as { url: string; token: string; room: string };
      room = json.room;
      return json;
    });
    customerServer = served.server;
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: chromiumArgs([`--use-file-for-fake-video-capture=${video.path}`]),
    });
    customer = await browser.newPage();
    customer.on('pageerror', (err) => console.error('customer page error:', err));
    await customer.goto(served.url);
    await customer.waitForFunction(() => window.customerE2E !== undefined);
    await customer.evaluate(() => window.customerE2E.connect());
    await customer.evaluate(() => window.customerE2E.hello());
    operator = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    operator.on('pageerror', (err) => console.error('operator page error:', err));
    operator.on('console', (m) => m.type() === 'error' && console.error('operator console:', m.text()));
    await operator.goto(
      consoleUrl(consoleServer, {
        operator: OPERATOR,
        secret: SECRET,
        skills: 'general',
        preview: SHOTS ? 'on' : 'off',
      }),
    );
    await operator.waitForSelector('text=暂无客户请求人工', { timeout: 90_000 });
    await operator.click('[data-testid=camera]');
    await waitInPage(operator, () => window.__console.cameraOn, null, 90_000, 'the operator camera');
    await operator.click('[data-testid=voice]');
  }, 240_000);

  afterAll(async () => {
    await customer?.evaluate(() => window.customerE2E.dispose()).catch(() => undefined);
    await browser?.close();
    await handoff?.close();
    await disposeRtcNode();
    await customerServer?.close();
    await consoleServer?.close();
    await livekit?.stop();
    await video?.dispose();
    console.log('handoff e2e:', JSON.stringify(measured, null, 1));
  });

  const ticket = () => `article.ticket[data-room="${room}"]`;

  it('the customer asks "转人工": the request shows in the operator queue with its reason', async () => {
    await customer.evaluate(() => window.customerE2E.say('转人工'));
    await operator.waitForSelector(ticket(), { timeout: 30_000 });
    expect(await operator.textContent(`${ticket()} .reason`)).toBe(REASON_ZH);
    if (SHOTS) await operator.screenshot({ path: join(SHOTS, 'console-queue.png') });
    expect(handoff.desk.ticket(room)).toMatchObject({ phase: 'waiting', reason: 'explicit' });
  }, 60_000);

  it('a customer-role participant sending take_over or operator frames changes nothing', async () => {
    const forger = new NodeRoom();
    await forger.connect(livekit.url, await mintToken(livekit, room, 'mallory', 'customer'), {
      autoSubscribe: false,
      dynacast: false,
    });
    try {
      await new Promise((r) => setTimeout(r, 1000)); // the agent learns of the forger first
      const takeOver = encode(createMessage('handoff.take_over', { operatorId: 'mallory' }));
      const frame = createOperatorFaceFrame();
      for (let seq = 1; seq <= 20; seq++) {
        if (seq % 5 === 1)
          await forger.localParticipant!.publishData(takeOver, { reliable: true, topic: Topic.handoff });
        frame.seq = seq;
        frame.blendshapes.fill(1);
        await forger.localParticipant!.publishData(encodeFaceFrame(frame), {
          reliable: false,
          topic: Topic.face,
        });
        await new Promise((r) => setTimeout(r, 30));
      }
      // Keep forging until the service has seen one (a participant that just joined may not be known to it yet).
      for (let i = 0; i < 40 && !security.includes('mallory:handoff.take_over'); i++) {
        await forger.localParticipant!.publishData(takeOver, { reliable: true, topic: Topic.handoff });
        await new Promise((r) => setTimeout(r, 250));
      }
    } finally {
      await forger.disconnect();
    }
    const log = await customer.evaluate(() => window.customerE2E.log);
    expect(handoff.desk.ticket(room).phase).toBe('waiting');
    expect(handoff.service.session(room)?.agentState).toBe('active');
    expect(security).toContain('mallory:handoff.take_over');
    expect(log.frames.filter((f) => f.identity === 'mallory')).toEqual([]);
    expect(log.security.filter((s) => s.identity === 'mallory').length).toBeGreaterThanOrEqual(10);
    expect(log.messages.filter((m) => m.type === 'handoff.state').at(-1)?.controller).toBe('ai');
    measured.forgery = { deskSecurity: security.length, customerSecurity: log.security.length };
  }, 60_000);

  it(`take over and hand back ${CYCLES}×: fast, continuous, never two voices, and the AI answers again`, async () => {
    const latencies: number[] = [];
    const clicks: number[] = [];
    const firstLives: number[] = [];
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      if (cycle > 0) {
        const askedAt = await customer.evaluate(() => performance.timeOrigin + performance.now());
        await customer.evaluate(() => window.customerE2E.say('转人工'));
        await operator.waitForSelector(ticket(), { timeout: 30_000 });
        // An operator reads the request before clicking; by then the AI is saying "transferring you" (so the take
        // over also cuts its speech). Clicking earlier lands while the dev synthesiser blocks the service's thread.
        await waitInPage(
          customer,
          (t) => window.customerE2E.log.speechstarted.some((s) => s.at > t),
          askedAt,
          20_000,
          'the AI announcing the transfer',
        );
      }
      await operator.click(`${ticket()} [data-testid=take-over]`);
      const clickAt = await operator.evaluate(() => window.__console.lastClick);
      await waitInPage(
        customer,
        (t) => window.customerE2E.log.samples.some((s) => s.at > t && s.puppet === 'live'),
        clickAt,
        20_000,
        'the first operator-driven frame',
      );
      const firstLive = await customer.evaluate(
        (t) => window.customerE2E.log.samples.find((s) => s.at > t && s.puppet === 'live')!.at,
        clickAt,
      );
      latencies.push(firstLive - clickAt);
      clicks.push(clickAt);
      firstLives.push(firstLive);
      if (cycle === 0) await customer.evaluate(() => window.customerE2E.say('美食金卡有年费吗？'));
      await new Promise((r) => setTimeout(r, 1500)); // the operator drives
      if (SHOTS && cycle === 0) await operator.screenshot({ path: join(SHOTS, 'console-live.png') });
      expect(handoff.desk.ticket(room)).toMatchObject({ phase: 'live', operatorId: OPERATOR });
      await operator.click('[data-testid=hand-back]');
      const backAt = await operator.evaluate(() => window.__console.lastClick);
      await waitInPage(
        customer,
        (t) => window.customerE2E.log.speechstarted.some((s) => s.at > t),
        backAt,
        30_000,
        'the AI speaking again after the hand back',
      ).catch(async (error: unknown) => {
        const l = await customer.evaluate(() => window.customerE2E.log);
        const since = (at: number) => Math.round(at - backAt);
        console.log(
          'hand back failed in cycle',
          cycle,
          JSON.stringify({
            messages: l.messages.slice(-25).map((m) => `${m.type}:${m.controller ?? ''}@${since(m.at)}`),
            started: l.speechstarted.slice(-3).map((s) => since(s.at)),
            finished: l.speechfinished.slice(-3).map((s) => `${s.interrupted}@${since(s.at)}`),
            desk: handoff.desk.ticket(room).phase,
            agent: handoff.service.session(room)?.agentState,
            errors: l.errors,
          }),
        );
        throw error;
      });
      await new Promise((r) => setTimeout(r, 1500));
    }
    const log = await customer.evaluate(() => window.customerE2E.log);
    const stats = await operator.evaluate(() => window.__console.captureStats);
    const regular = (from: number, to: number) =>
      log.samples.filter((s) => s.at >= from && s.at <= to && s.dt > 0 && s.dt <= 0.025);
    // Take over: the crossfade to the puppet (300 ms) from its first frame, every weight.
    const takeOvers = firstLives.flatMap((t) => regular(t - 20, t + 400));
    // Hand back: the crossfade back to the AI, whose own speech starts meanwhile: the expression presets.
    const backs = log.messages
      .filter((m) => m.type === 'handoff.state' && m.controller === 'ai')
      .flatMap((m) => regular(m.at, m.at + 400));
    const maxStep = Math.max(...takeOvers.map((s) => s.step));
    // No jumps: an emotion weight may move per sample by the most each documented mechanism moves it per second,
    // times dt: the owner crossfade and the speaking cap's ease (1.5 / 300 ms each), the AI's emotion attack
    // (1 / 200 ms) and the operator's own face: the fixture camera alternates a neutral and a smiling photo, and the
    // puppet interpolates each change over one operator frame interval (the shortest just before the sample, as
    // received). A switch without a crossfade moves a weight by the whole difference at once.
    const operatorFrames = log.frames.map((f) => f.at);
    const operatorRate = (at: number) => {
      let shortest = Number.POSITIVE_INFINITY;
      for (let i = 1; i < operatorFrames.length; i++) {
        const a = operatorFrames[i - 1]!;
        const b = operatorFrames[i]!;
        if (b > at - 250 && b <= at) shortest = Math.min(shortest, b - a);
      }
      return Number.isFinite(shortest) ? 1000 / Math.max(shortest, 1) : 0;
    };
    const emotionBound = (s: (typeof log.samples)[number]) =>
      s.dt * (1.5 / 0.3 + 1.5 / 0.3 + 1 / 0.2 + operatorRate(s.at)) + 0.02;
    const emotionSamples = [...takeOvers, ...backs];
    const maxEmotionStep = Math.max(...emotionSamples.map((s) => s.emotionStep));
    const emotionOverBound = emotionSamples.filter((s) => s.emotionStep > emotionBound(s));
    const stateAfter = (t: number) =>
      log.messages.find((m) => m.type === 'handoff.state' && m.controller === 'human' && m.at > t)?.at ??
      Number.NaN;
    const both = log.samples.filter((s) => s.agentRms > 0.01 && s.operatorRms > 0.01);
    measured.switch = summarize(latencies);
    measured.latencies = latencies.map((l) => Math.round(l));
    measured.stateLatencies = clicks.map((t) => Math.round(stateAfter(t) - t));
    measured.capture = stats;
    measured.continuity = {
      takeOverMaxStepAnyWeight: maxStep,
      maxEmotionStep,
      emotionOverBound: emotionOverBound.map(
        (s) => `${s.emotionStepOf}:${s.emotionStep.toFixed(2)}>${emotionBound(s).toFixed(2)}`,
      ),
      handBackMaxStepAnyWeight: Math.max(...backs.map((s) => s.step)),
      samples: takeOvers.length + backs.length,
      takeOverJumps: takeOvers
        .filter((s) => s.step > 0.15)
        .slice(0, 10)
        .map(
          (s) => `${s.stepOf}:${s.step.toFixed(2)}@${s.puppet}/${s.controller}/agent${s.agentRms.toFixed(2)}`,
        ),
      jumps: [...takeOvers, ...backs]
        .filter((s) => s.step > 0.15)
        .slice(0, 10)
        .map((s) => `${s.stepOf}:${s.step.toFixed(2)}@${s.puppet}/${s.controller}`),
      emotionJumps: [
        ...takeOvers.map((s) => ['take over', s] as const),
        ...backs.map((s) => ['hand back', s] as const),
      ]
        .filter(([, s]) => s.emotionStep > 0.1)
        .slice(0, 10)
        .map(
          ([when, s]) => `${when} ${s.emotionStepOf}:${s.emotionStep.toFixed(2)}@${s.puppet}/${s.controller}`,
        ),
    };
    measured.audio = {
      overlapSamples: both.length,
      operatorHeardSamples: log.samples.filter((s) => s.operatorRms > 0.01).length,
      agentHeardSamples: log.samples.filter((s) => s.agentRms > 0.01).length,
    };
    // The control path (click → the service suspends the agent → handoff.state at the customer) is the handoff's
    // own latency; the first operator-driven frame adds the camera's frame interval, which only a camera tracked at
    // a real rate (not a loaded CI machine's 1-2 fps) can keep under 250 ms.
    const stateLatencies = clicks.map((t) => stateAfter(t) - t).slice(WARMUP);
    measured.control = summarize(stateLatencies);
    measured.switchAfterWarmup = summarize(latencies.slice(WARMUP));
    expect(summarize(stateLatencies).p95).toBeLessThanOrEqual(250);
    if ((stats?.fps ?? 0) >= 20) expect(summarize(latencies.slice(WARMUP)).p95).toBeLessThanOrEqual(250);
    else
      console.warn(
        `handoff e2e: operator capture ran at ${stats?.fps.toFixed(1)} fps: frame latency not asserted`,
      );
    // Asserted on the expression presets (emotions). Visemes and blinks are reported: during a take over the AI's
    // lip-sync (it is announcing the transfer) and idle blinks move them fast on their own.
    expect(emotionOverBound).toEqual([]);
    expect(both).toEqual([]);
    expect(log.errors).toEqual([]);
  }, 300_000);
});
