// FaceLandmarker (MediaPipe, CPU delegate) on the fixture photos in headless Chromium: frame time at the low tier's
// camera size (320×240), CPU cores used by all Chromium processes while tracking, and the delay from an expression
// change to the label change. Run with `pnpm bench sense` (bench/run.mjs serves the repo and launches Chromium).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const FRAMES = 60;
const TARGET_FPS = 15;
const CLOCK_TICKS = 100; // USER_HZ on Linux

/** CPU seconds used so far by every descendant of this Node process (Chromium and its renderer/GPU processes). */
function childCpuSeconds() {
  const parent = new Map();
  const ticks = new Map();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(pid, f[1]);
      ticks.set(pid, Number(f[11]) + Number(f[12]));
    } catch {
      // the process ended while we looked
    }
  }
  const self = String(process.pid);
  let total = 0;
  for (const [pid, t] of ticks) {
    for (let p = parent.get(pid); p && p !== '0' && p !== '1'; p = parent.get(p)) {
      if (p === self) {
        total += t;
        break;
      }
    }
  }
  return total / CLOCK_TICKS;
}

/** In the page: loads the tracker and two 320×240 canvases of the photos, kept on `window` for the next steps. */
async function setup({ wasmBaseUrl, fixturesUrl }) {
  const { FaceTracker, createFaceSample } = window.senseBench;
  const load = async (name) => {
    const img = new Image();
    img.src = fixturesUrl + name;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 240;
    const s = Math.min(320 / img.width, 240 / img.height);
    const w = img.width * s;
    const h = img.height * s;
    canvas.getContext('2d').drawImage(img, (320 - w) / 2, (240 - h) / 2, w, h);
    return canvas;
  };
  const t0 = performance.now();
  const tracker = await FaceTracker.create({ wasmBaseUrl, modelUrl: `${fixturesUrl}face_landmarker.task` });
  const loadMs = performance.now() - t0;
  const smile = await load('face_smile_astronaut.png');
  const neutral = await load('face_neutral_pexels.jpeg');
  window.senseBenchState = { tracker, smile, neutral, sample: createFaceSample(), ts: 0 };
  return loadMs;
}

/** In the page: `frames` timed frames; `alternate` switches photos every frame (forces re-detection). */
function timeFrames({ frames, alternate }) {
  const st = window.senseBenchState;
  for (let i = 0; i < 10; i++) {
    st.ts += 66;
    st.tracker.process(alternate && i % 2 ? st.neutral : st.smile, st.ts, st.sample);
  }
  const times = [];
  const wall0 = performance.now();
  for (let i = 0; i < frames; i++) {
    st.ts += 66;
    const a = performance.now();
    st.tracker.process(alternate && i % 2 ? st.neutral : st.smile, st.ts, st.sample);
    times.push(performance.now() - a);
  }
  times.sort((x, y) => x - y);
  return {
    wallMs: performance.now() - wall0,
    median: times[frames >> 1],
    p95: times[Math.floor(frames * 0.95)],
  };
}

/** In the page: starts the face worker and warms it up. */
async function startWorker({ wasmBaseUrl, fixturesUrl }) {
  const st = window.senseBenchState;
  st.worker = await window.senseBench.WorkerFaceProcessor.create({
    wasmBaseUrl,
    modelUrl: `${fixturesUrl}face_landmarker.task`,
  });
  for (let i = 0; i < 10; i++) {
    st.ts += 66;
    await st.worker.process(st.smile, st.ts, st.sample);
  }
}

/** In the page: `frames` frames through the worker (ImageBitmap transfer); round trip per frame. */
async function timeWorker({ frames }) {
  const st = window.senseBenchState;
  const times = [];
  const wall0 = performance.now();
  for (let i = 0; i < frames; i++) {
    st.ts += 66;
    const a = performance.now();
    await st.worker.process(st.smile, st.ts, st.sample);
    times.push(performance.now() - a);
  }
  const wallMs = performance.now() - wall0;
  st.worker.dispose();
  times.sort((x, y) => x - y);
  return { wallMs, median: times[frames >> 1], p95: times[Math.floor(frames * 0.95)] };
}

/** In the page: a 15 fps timeline, 2 s neutral then smiling; ms from the change until the label reads happy. */
function labelDelay() {
  const st = window.senseBenchState;
  const estimator = new window.senseBench.SentimentEstimator();
  const frameMs = 1000 / 15;
  for (let i = 0, t = 0; i < 75; i++, t += frameMs) {
    const smiling = t >= 2000;
    st.ts += frameMs;
    st.tracker.process(smiling ? st.smile : st.neutral, st.ts, st.sample);
    st.sample.timeMs = t;
    if (smiling && estimator.update(st.sample).label === 'happy') return t - 2000;
    if (!smiling) estimator.update(st.sample);
  }
  return -1;
}

async function timed(page, args) {
  const cpu0 = childCpuSeconds();
  const r = await page.evaluate(timeFrames, args);
  const cpuMs = (childCpuSeconds() - cpu0) * 1000;
  return { ...r, cores: cpuMs / r.wallMs, cpuMsPerFrame: cpuMs / args.frames };
}

export async function run({ browser, baseUrl, root, fixturesDir }) {
  if (!fixturesDir) return { description: 'skipped: ../shared/fixtures absent', rows: [] };
  const page = await browser.newPage();
  try {
    await page.goto(`${baseUrl}/packages/sense/bench/facelandmarker.html`);
    await page.waitForFunction(() => window.senseBenchReady === true, null, { timeout: 60_000 });
    const wasmBaseUrl = `/@fs${join(root, 'packages/sense/node_modules/@mediapipe/tasks-vision/wasm')}`;
    const loadMs = await page.evaluate(setup, { wasmBaseUrl, fixturesUrl: `/@fs${fixturesDir}/` });
    const steady = await timed(page, { frames: FRAMES, alternate: false });
    const alternating = await timed(page, { frames: FRAMES, alternate: true });
    const delay = await page.evaluate(labelDelay);
    await page.evaluate(startWorker, { wasmBaseUrl, fixturesUrl: `/@fs${fixturesDir}/` });
    const cpuW = childCpuSeconds();
    const worker = await page.evaluate(timeWorker, { frames: FRAMES });
    const workerCpuMs = ((childCpuSeconds() - cpuW) * 1000) / FRAMES;
    const labelMs = delay < 0 ? -1 : delay + steady.median;
    const fps = 1000 / steady.median;
    // On a shared, loaded machine wall time includes waiting for a core; CPU time per frame does not.
    const fpsOneCore = 1000 / steady.cpuMsPerFrame;
    return {
      description:
        'MediaPipe FaceLandmarker 1.1.0, CPU delegate (wasm is single-threaded; input conversion runs on WebGL, here ' +
        `SwiftShader), 320×240 canvases of the fixture photos, ${FRAMES} frames after warm-up. "steady" = same face every ` +
        'frame (tracking, like a customer in front of the camera); "alternating" = two different faces (re-detection ' +
        'every frame, worst case). Cores = CPU time of all Chromium processes (renderer + GPU process) / wall time; unthrottled, Chromium may ' +
        'spread a frame over more than one core, so the target is checked at the 15 fps cap CameraSense applies; on a shared machine the wall ' +
        'time includes waiting for a core, so "fps on one free core" = 1000 / CPU ms per frame is the figure to compare ' +
        'with the 15 fps target. Label delay = 15 fps ' +
        'timeline from the neutral to the smiling photo, plus one frame time.',
      rows: [
        { metric: 'model + wasm load', value: loadMs, unit: 'ms' },
        { metric: 'steady: frame time (median)', value: steady.median, unit: 'ms' },
        { metric: 'steady: frame time (p95)', value: steady.p95, unit: 'ms' },
        { metric: 'steady: frames per second (wall)', value: fps, unit: 'fps' },
        { metric: 'steady: CPU cores used, unthrottled', value: steady.cores, unit: 'cores' },
        {
          metric: 'steady: CPU cores at the 15 fps cap (15 × CPU ms)',
          value: (TARGET_FPS * steady.cpuMsPerFrame) / 1000,
          unit: 'cores',
          target: '≤ 1',
          ok: (TARGET_FPS * steady.cpuMsPerFrame) / 1000 <= 1,
        },
        { metric: 'steady: CPU time per frame', value: steady.cpuMsPerFrame, unit: 'ms' },
        {
          metric: 'steady: fps on one free core (1000 / CPU ms)',
          value: fpsOneCore,
          unit: 'fps',
          target: `≥ ${TARGET_FPS}`,
          ok: fpsOneCore >= TARGET_FPS,
        },
        { metric: 'alternating: frame time (median)', value: alternating.median, unit: 'ms' },
        { metric: 'alternating: CPU cores used', value: alternating.cores, unit: 'cores' },
        { metric: 'alternating: CPU time per frame', value: alternating.cpuMsPerFrame, unit: 'ms' },
        { metric: 'worker: round trip per frame (median)', value: worker.median, unit: 'ms' },
        { metric: 'worker: CPU time per frame', value: workerCpuMs, unit: 'ms' },
        {
          metric: 'expression change → label',
          value: labelMs,
          unit: 'ms',
          target: '≤ 300',
          ok: labelMs >= 0 && labelMs <= 300,
        },
      ],
    };
  } finally {
    await page.evaluate(() => window.senseBenchState?.tracker.dispose()).catch(() => {});
    await page.close();
  }
}
