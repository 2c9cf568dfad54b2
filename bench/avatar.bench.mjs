// Per-frame CPU of drivers + mixer + applyFaceFrame + vrm.update as a ratio to a bare vrm.update of the same model
// in the same page, and time to first frame, for the project avatar and each fixture VRM, in headless Chromium.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const RATIO_TARGET = 2;

export async function run({ browser, baseUrl, root, fixturesDir }) {
  const models = [];
  const own = join(root, 'avatars/default/assistant.vrm');
  if (existsSync(own)) models.push(['project avatar', `/@fs${own}`]);
  if (fixturesDir) {
    models.push(['godette (VRM 0.x)', `/@fs${join(fixturesDir, 'godette_vrm0.vrm')}`]);
    models.push(['isBinary rig (VRM 1.0)', `/@fs${join(fixturesDir, 'vrmc_isbinary_overrides_vrm1.vrm')}`]);
  } else {
    console.warn('bench avatar: ../shared/fixtures is absent; measuring the project avatar only');
  }
  if (models.length === 0) return { description: 'no avatar to measure', rows: [] };
  const page = await browser.newPage();
  const failed = new Promise((_, reject) =>
    page.on('pageerror', (e) => reject(new Error(`bench page: ${e.message}`))),
  );
  await page.goto(`${baseUrl}/bench/pages/avatar.html`);
  await Promise.race([
    page.waitForFunction(() => document.title === 'ready', null, { timeout: 120_000 }),
    failed,
  ]);
  // Warm-up: the first load pays for shader compilation and module evaluation.
  await page.evaluate((url) => window.measureAvatar(url), models[0][1]);
  const rows = [];
  for (const [label, url] of models) {
    const r = await page.evaluate((u) => window.measureAvatar(u), url);
    rows.push({ metric: `${label}: time to first frame`, value: r.firstFrameMs, unit: 'ms' });
    rows.push({
      metric: `${label}: drivers+mixer+apply+update per frame vs bare vrm.update`,
      value: r.oursUs,
      unit: 'µs',
      baseline: r.bareUpdateUs,
      ratio: r.ratio,
      target: `ratio ≤ ${RATIO_TARGET}`,
      ok: r.ratio <= RATIO_TARGET,
    });
  }
  await page.close();
  return {
    description:
      'Headless Chromium, SwiftShader WebGL2. Per-frame rows: median over 15 interleaved blocks of 120 frames; baseline = bare `vrm.update(dt)` of the same model in the same page.',
    rows,
  };
}
