// `pnpm bench lipsync` / `pnpm bench:lipsync`: lip-sync accuracy per source path against espeak-ng ground truth.
// The measurement runs in Node (packages/lipsync/bench/lipsyncBench.ts, through tsx): the SDK's VisemeScheduler on a
// simulated audio clock sampled at 60 fps. The Chromium run (real AudioContext, HeadAudio peer) is not built yet.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const BARS = {
  'tts-visemes': { onsetP95: 20 },
  'text+timestamps': { onsetP95: 60, acc15: 0.55 },
};

export async function run({ root }) {
  const script = join(root, 'packages/lipsync/bench/lipsyncBench.ts');
  const child = spawnSync(join(root, 'node_modules/.bin/tsx'), [script], { cwd: root, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`lipsync bench failed: ${child.stderr}`);
  const line = child.stdout.trim().split('\n').at(-1);
  const { summary, fps, latency, sentences } = JSON.parse(line);
  const rows = [];
  for (const [key, s] of Object.entries(summary)) {
    const bar = BARS[key.split('/')[0]] ?? {};
    rows.push({
      metric: `${key}: |onset error| p95 (misses = 150 ms)`,
      value: s.onsetP95,
      unit: 'ms',
      ...(bar.onsetP95 ? { target: `≤ ${bar.onsetP95} ms`, ok: s.onsetP95 <= bar.onsetP95 } : {}),
    });
    rows.push({ metric: `${key}: |onset error| p50`, value: s.onsetP50, unit: 'ms' });
    rows.push({ metric: `${key}: |onset error| p95 of found onsets`, value: s.matchedOnsetP95, unit: 'ms' });
    rows.push({ metric: `${key}: onsets missed`, value: s.missRate * 100, unit: '%' });
    rows.push({
      metric: `${key}: 15-class frame accuracy`,
      value: s.acc15 * 100,
      unit: '%',
      ...(bar.acc15 ? { target: `≥ ${bar.acc15 * 100} %`, ok: s.acc15 >= bar.acc15 } : {}),
    });
    rows.push({ metric: `${key}: 5-class frame accuracy`, value: s.acc5 * 100, unit: '%' });
  }
  return {
    description: `${sentences} espeak-ng sentences (zh cmn/cmn+f2, en en-us/en-us+f3); ground truth = espeak phoneme events → canonical visemes. Each path's cues go through VisemeScheduler + Coarticulator on a simulated audio clock (${fps} fps at a random phase, ${latency * 1000} ms output latency); the mouth's dominant viseme per frame is scored. Onset: nearest predicted onset of the same viseme within −100..+150 ms; a miss counts 150 ms. Peers: loudness-only (ChatVRM-style volume → aa). Node only so far: HeadAudio and the audio-only model are not measured.`,
    rows,
  };
}
