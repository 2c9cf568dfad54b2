/**
 * Loads default/assistant.vrm with @pixiv/three-vrm's VRMLoaderPlugin in headless Chromium and checks what the
 * SDK relies on: VRM 1.0, the humanoid bones, every expression bound and moving morph targets, bone lookAt.
 * Exits non-zero on any failure.  Run: pnpm --filter @digital-human/avatars check:avatar
 */
import { resolve } from 'node:path';
import { openPreview } from './lib/previewPage';
import { REQUIRED_BONES, REQUIRED_EXPRESSIONS } from './lib/requirements';

const failures: string[] = [];
function expect(ok: boolean, what: string): void {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

const preview = await openPreview(resolve(import.meta.dirname, '../default/assistant.vrm'));
try {
  const r = await preview.check();
  expect(r.metaVersion === '1', `meta version is VRM 1.0 (got ${r.metaVersion})`);
  expect(r.meta.avatarPermission === 'everyone', 'avatarPermission everyone');
  expect(r.meta.commercialUsage === 'corporation', 'commercialUsage corporation');
  const missing = REQUIRED_BONES.filter((b) => !r.bones.includes(b));
  expect(
    missing.length === 0,
    `humanoid bones present (${r.bones.length}; missing: ${missing.join(', ') || 'none'})`,
  );
  for (const name of REQUIRED_EXPRESSIONS) {
    const e = r.expressions[name];
    expect(
      !!e && e.binds > 0 && e.influence > 0.99,
      `expression ${name}: ${e?.binds ?? 0} binds, influence ${e?.influence}`,
    );
  }
  expect(r.morphTargetCount >= 14, `face mesh has ${r.morphTargetCount} morph targets`);
  expect(r.lookAtType === 'VRMLookAtBoneApplier', `lookAt applier is ${r.lookAtType}`);
  expect(r.eyeTurnDegrees > 5, `eyes turn ${r.eyeTurnDegrees.toFixed(1)} degrees looking aside`);
} finally {
  await preview.close();
}
if (failures.length > 0) {
  console.error(`${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('all avatar checks passed');
