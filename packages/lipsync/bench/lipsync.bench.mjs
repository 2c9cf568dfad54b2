// `pnpm bench lipsync` / `pnpm bench:lipsync`: lip-sync accuracy per source path against espeak-ng ground truth.
// Two runs: in Node (packages/lipsync/bench/lipsyncBench.ts through tsx; the SDK's VisemeScheduler on a simulated
// audio clock at 60 fps; all four paths) and in real Chromium (pages/lipsync.ts: a real AudioContext, mouth sampled
// every animation frame at the audio heard then (the device's output timestamp); TTS-viseme, text+timestamps and
// transcript+audio paths, loudness and HeadAudio peers, and the audio-only model (pages/audioModelPath.ts), also on
// held-out voices).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const BARS = {
  'tts-visemes': { onsetP95: 20 },
  'text+timestamps': { onsetP95: 60, acc15: 0.55 },
  // audio alone: 15-class ≥ 2× the loudness baseline (~30 %) and above HeadAudio (~20 %); 5-class ≥ 75 %
  'audio-model': { onsetP95: 60, acc15: 0.6, acc5: 0.75 },
};

function rowsOf(prefix, summary) {
  const rows = [];
  for (const [key, s] of Object.entries(summary)) {
    const bar = BARS[key.split('/')[0]] ?? {};
    const name = `${prefix}${key}`;
    rows.push({
      metric: `${name}: |onset error| p95 (misses = 150 ms)`,
      value: s.onsetP95,
      unit: 'ms',
      ...(bar.onsetP95 ? { target: `≤ ${bar.onsetP95} ms`, ok: s.onsetP95 <= bar.onsetP95 } : {}),
    });
    rows.push({ metric: `${name}: |onset error| p50`, value: s.onsetP50, unit: 'ms' });
    rows.push({ metric: `${name}: |onset error| p95 of found onsets`, value: s.matchedOnsetP95, unit: 'ms' });
    rows.push({ metric: `${name}: onsets missed`, value: s.missRate * 100, unit: '%' });
    rows.push({
      metric: `${name}: 15-class frame accuracy`,
      value: s.acc15 * 100,
      unit: '%',
      ...(bar.acc15 ? { target: `≥ ${+(bar.acc15 * 100).toFixed(1)} %`, ok: s.acc15 >= bar.acc15 } : {}),
    });
    rows.push({
      metric: `${name}: 5-class frame accuracy`,
      value: s.acc5 * 100,
      unit: '%',
      ...(bar.acc5 ? { target: `≥ ${+(bar.acc5 * 100).toFixed(1)} %`, ok: s.acc5 >= bar.acc5 } : {}),
    });
  }
  return rows;
}

function byViseme(summary) {
  return Object.fromEntries(Object.entries(summary).map(([key, s]) => [key, s.onsetByViseme]));
}

function nodeRun(root) {
  const script = join(root, 'packages/lipsync/bench/lipsyncBench.ts');
  const child = spawnSync(join(root, 'node_modules/.bin/tsx'), [script], { cwd: root, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`lipsync bench failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1));
}

async function chromiumRun(browser, baseUrl, root) {
  const page = await browser.newPage();
  const failed = new Promise((_, reject) =>
    page.on('pageerror', (e) => reject(new Error(`bench page: ${e.message}`))),
  );
  await page.goto(`${baseUrl}/packages/lipsync/bench/pages/lipsync.html`);
  await Promise.race([
    page.waitForFunction(() => document.title === 'ready', null, { timeout: 120_000 }),
    failed,
  ]);
  const dataUrl = `/@fs${join(root, 'packages/dialog/node_modules/@echogarden/espeak-ng-emscripten/espeak-ng.data')}`;
  const result = await Promise.race([page.evaluate((url) => window.runLipsync(url), dataUrl), failed]);
  await page.close();
  return result;
}

export async function run({ browser, baseUrl, root }) {
  const node = nodeRun(root);
  const chromium = await chromiumRun(browser, baseUrl, root);
  return {
    description: `${node.sentences} espeak-ng sentences (zh cmn/cmn+f2, en en-us/en-us+f3); ground truth = espeak phoneme events → canonical visemes. Each path's cues go through VisemeScheduler + Coarticulator; the mouth's dominant viseme per frame is scored. Onset: nearest predicted onset of the same viseme within −100..+150 ms of the true one; a miss counts 150 ms. Chromium rows: real AudioContext (latency ${(chromium.latency * 1000).toFixed(0)} ms, ${chromium.fps.toFixed(0)} frames/s, ${chromium.stalls} gaps > 40 ms between sampled audio times: CPU contention shows up here), each frame scored at the audio heard then as the device reports it (getOutputTimestamp() moved on to the frame's performance.now()), TTS visemes, text+timestamps and transcript+audio (energy alignment of the transcript to the audio), the TTS visemes again on the stepped clock currentTime − outputLatency ("tts-visemes on currentTime": what the SDK used before; currentTime moves in ~20 ms audio callbacks here), loudness peer (ChatVRM: AnalyserNode max |x| → sigmoid → aa), HeadAudio peer (its worklet + shipped English model, no added audio delay). Node rows: simulated clock (${node.fps} fps at a random phase, ${node.latency * 1000} ms latency), also transcript+audio. Audio-only model (Chromium): the SDK's AudioVisemeModel (onnxruntime-web, packages/lipsync/model/viseme.onnx) hears the PCM in 100 ms chunks before it plays, no added audio delay; also scored on each language's held-out voice (never trained on).`,
    rows: [...rowsOf('chromium ', chromium.summary), ...rowsOf('node ', node.summary)],
    // signed onset error per true viseme (ms): where a path is early or late
    onsetByViseme: { chromium: byViseme(chromium.summary), node: byViseme(node.summary) },
  };
}
