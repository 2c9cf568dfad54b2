// Checks the gzip size of built packages against size-budget.json; writes bench/results/size.json. Exit 1 over budget.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
const { budgets } = JSON.parse(readFileSync(join(root, 'size-budget.json'), 'utf8'));

/** gzip size of every .js file a package builds (its entries and their shared chunks). */
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

const rows = [];
let failed = false;
for (const budget of budgets) {
  const sizes = budget.packages.map(packageGzip);
  if (sizes.some((s) => s === null)) {
    console.log(`size: ${budget.name}: not built yet, skipped`);
    continue;
  }
  const bytes = sizes.reduce((a, b) => a + b, 0);
  const ok = bytes <= budget.gzipBytes;
  failed ||= !ok;
  rows.push({ name: budget.name, gzipBytes: bytes, budgetBytes: budget.gzipBytes, ok });
  console.log(
    `size: ${budget.name}: ${(bytes / 1024).toFixed(1)} KiB gzip (budget ${(budget.gzipBytes / 1024).toFixed(1)} KiB) ${ok ? 'ok' : 'OVER BUDGET'}`,
  );
}
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(
  join(root, 'bench/results/size.json'),
  `${JSON.stringify({ date: new Date().toISOString(), rows }, null, 2)}\n`,
);
if (failed) process.exit(1);
