// `pnpm bench:e2e`: the full stack on 127.0.0.1 — livekit-server, the dialog service, customer sessions in one
// Chromium — measured through real WebRTC: speech onset error, user text → first mouth movement split into the
// dialog service's time and the SDK's, and N concurrent sessions (default 10, E2E_SESSIONS) with audio underruns
// and CPU per session. Writes bench/results/e2e.json (rows as bench/run.mjs writes them; `pnpm bench` puts them in
// the README table) and prints the table.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dispose as disposeRtcNode } from '@livekit/rtc-node';
import { chromium, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';
import { startLiveKitServer } from '../../../scripts/livekit/server.mjs';
import { servePage, summarize } from '../../livekit/test/e2eSupport';
import { startDialogServer } from '../src';
import { fetchDialogToken, localDialogConfig } from '../test/localDialogConfig';
import type { BenchTurn } from './e2e-page/benchApi';
import { benchTable, chromiumPid, cpuSeconds, type Row } from './e2eReport';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const SESSIONS = Number(process.env.E2E_SESSIONS ?? 10);
const TEXTS = ['你们几点营业？', '信用卡年费多少？', '我想办一张信用卡', '理财产品有哪些？', '谢谢'];

async function until(page: Page, check: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await page.evaluate(check))) {
    if (performance.now() > deadline) throw new Error(`bench:e2e: timed out waiting for ${check}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const livekit = await startLiveKitServer();
const dialog = await startDialogServer(localDialogConfig(livekit));
const served = await servePage(join(here, 'e2e-page'), async (body) => {
  return fetchDialogToken(dialog.url, body);
});
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
const rows: Row[] = [];
try {
  const page = await browser.newPage();
  await page.goto(served.url);
  await page.waitForFunction(() => window.e2eBench !== undefined);

  // One session: the greeting, then five typed questions, one at a time.
  await page.evaluate(() => window.e2eBench.open(1));
  await until(page, 'window.e2eBench.idle(0, 1)', 90_000);
  for (const [k, text] of TEXTS.entries()) {
    await page.evaluate(([t]) => window.e2eBench.say(0, t!), [text]);
    await until(
      page,
      `window.e2eBench.turns().length > ${k + 1} && window.e2eBench.idle(0, ${k + 2})`,
      90_000,
    );
  }
  const turns: BenchTurn[] = await page.evaluate(() => window.e2eBench.turns());
  const heard = turns.filter((t) => !Number.isNaN(t.soundOnset) && !Number.isNaN(t.scheduledOnset));
  // Rendered vs scheduled onset of audible sound; startTime is sample 0, so TTS lead-in silence is left out.
  const onset = summarize(heard.map((t) => Math.abs(t.soundOnset - t.scheduledOnset) * 1000));
  const leadIn = summarize(heard.map((t) => (t.scheduledOnset - t.startTime) * 1000));
  const mouth = summarize(
    heard.filter((t) => !Number.isNaN(t.mouthOnset)).map((t) => (t.mouthOnset - t.soundOnset) * 1000),
  );
  const asked = heard.filter((t) => t.sentAt !== undefined && !Number.isNaN(t.mouthOnset));
  const service = summarize(asked.map((t) => t.announcedAt - t.sentAt!));
  const mouthAt = (t: BenchTurn) => t.startedAt + (t.mouthOnset - t.contextAtStarted) * 1000;
  const sdk = summarize(asked.map((t) => mouthAt(t) - t.announcedAt));
  const total = summarize(asked.map((t) => mouthAt(t) - t.sentAt!));
  rows.push(
    {
      metric: `lk.audio_stream onset error p95 (|rendered − scheduled audible onset|, n=${onset.n})`,
      value: onset.p95,
      unit: 'ms',
      target: '≤ 20 ms',
      ok: onset.p95 <= 20,
    },
    {
      metric: 'TTS lead-in before the first audible sample (content, not error), median',
      value: leadIn.median,
      unit: 'ms',
    },
    // both on currentTime: the sound is rendered then and heard outputLatency later; the mouth follows the heard time
    {
      metric: `mouth opens after the sound is rendered (currentTime; heard outputLatency later), median (n=${mouth.n})`,
      value: mouth.median,
      unit: 'ms',
    },
    {
      metric: 'mouth opens after the sound is rendered, p95',
      value: mouth.p95,
      unit: 'ms',
      target: '≤ 80 ms',
      ok: mouth.p95 <= 80,
    },
    { metric: `text → first mouth movement, median (n=${total.n})`, value: total.median, unit: 'ms' },
    {
      metric: '  of which dialog service (text sent → speech.start received)',
      value: service.median,
      unit: 'ms',
    },
    {
      metric: '  of which SDK (speech.start → mouth open: audio stream, player lead, output latency)',
      value: sdk.median,
      unit: 'ms',
      target: '≤ 300 ms',
      ok: sdk.median <= 300,
    },
  );

  // N sessions at once: each greets, then each asks one question at the same time.
  const browserPid = chromiumPid();
  const cpu0 = cpuSeconds(livekit.pid, browserPid);
  const t0 = performance.now();
  await page.evaluate((n) => window.e2eBench.open(n), SESSIONS - 1);
  const all = Array.from({ length: SESSIONS }, (_, i) => i);
  await until(page, `[${all}].every((i) => window.e2eBench.idle(i, i === 0 ? 6 : 1))`, 180_000);
  await page.evaluate(
    (n) => Promise.all(Array.from({ length: n }, (_, i) => window.e2eBench.say(i, '你们几点营业？'))),
    SESSIONS,
  );
  await until(page, `[${all}].every((i) => window.e2eBench.idle(i, i === 0 ? 7 : 2))`, 180_000);
  const seconds = (performance.now() - t0) / 1000;
  const cpu1 = cpuSeconds(livekit.pid, browserPid);
  const sessions = await page.evaluate(() => window.e2eBench.sessions());
  const underruns = sessions.reduce((s, x) => s + x.underruns, 0);
  const gaps = sessions.reduce((s, x) => s + x.underrunSeconds, 0);
  const perSession = (a: number, b: number) => ((b - a) / seconds / SESSIONS) * 100;
  rows.push(
    {
      metric: `concurrent sessions on one livekit-server + one dialog-server`,
      value: SESSIONS,
      target: '10',
      ok: SESSIONS >= 10,
    },
    {
      metric: `utterances played in the concurrent phase (all sessions)`,
      value: sessions.reduce((s, x) => s + x.utterances, 0) - 6,
    },
    { metric: 'audio underruns (all sessions)', value: underruns, target: '0', ok: underruns === 0 },
    { metric: 'underrun silence heard (all sessions)', value: gaps * 1000, unit: 'ms' },
    {
      metric: 'CPU per session: dialog service (Node)',
      value: perSession(cpu0.node, cpu1.node),
      unit: '% core',
    },
    {
      metric: 'CPU per session: livekit-server',
      value: perSession(cpu0.livekit, cpu1.livekit),
      unit: '% core',
    },
    {
      metric: 'CPU per session: Chromium (customer page, all processes)',
      value: perSession(cpu0.chromium, cpu1.chromium),
      unit: '% core',
    },
  );
  await page.evaluate(() => window.e2eBench.dispose());
} finally {
  await browser.close();
  await dialog.close();
  await disposeRtcNode();
  await served.server.close();
  await livekit.stop();
}

const result = {
  name: 'e2e',
  date: new Date().toISOString(),
  description: `Full stack on 127.0.0.1 through real WebRTC (livekit-server, dialog-server, headless Chromium; ${execFileSync('nproc').toString().trim()} cores shared).`,
  rows,
};
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/e2e.json'), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${benchTable(result.description, rows)}\n`);
process.exit(rows.some((r) => r.ok === false) ? 1 : 0);
