// Checks the gzip size of built packages against size-budget.json. As a script: prints, exits 1 over budget.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');

/** gzip size of every .js file a package builds (its entries and their shared chunks), or null if not built. */
function packageGzip(name) {
  const dist = join(root, 'packages', name, 'dist');
  if (!existsSync(dist)) return null;
  let total = 0;
  for (const file of readdirSync(dist, { recursive: true })) {
    if (String(file).endsWith('.js'))
      total += gzipSync(readFileSync(join(dist, String(file))), { level: 9 }).length;
  }
  return total;
}

/** One benchmark-style row per budget in size-budget.json (budgets of unbuilt packages are left out). */
export function measureSizes() {
  const { budgets } = JSON.parse(readFileSync(join(root, 'size-budget.json'), 'utf8'));
  const rows = [];
  for (const budget of budgets) {
    const sizes = budget.packages.map(packageGzip);
    if (sizes.some((s) => s === null)) continue;
    const kib = sizes.reduce((a, b) => a + b, 0) / 1024;
    const limit = budget.gzipBytes / 1024;
    rows.push({
      metric: `gzip size: ${budget.name}`,
      value: kib,
      unit: 'KiB',
      target: `≤ ${limit} KiB`,
      ok: kib <= limit,
    });
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = measureSizes();
  for (const r of rows)
    console.log(
      `size: ${r.metric.slice(11)}: ${r.value.toFixed(1)} KiB (budget ${r.target}) ${r.ok ? 'ok' : 'OVER BUDGET'}`,
    );
  if (rows.length === 0) console.log('size: nothing built; run pnpm build first');
  if (rows.some((r) => !r.ok)) process.exit(1);
}
