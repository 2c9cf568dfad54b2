// `pnpm bench [name...]`: runs every benchmark (bench/*.bench.mjs and packages/*/bench/*.bench.mjs) against one vite
// server and one Chromium, writes bench/results/<name>.json and the table bench/results/README.md.
// Benchmarks report ratios against a baseline measured in the same run: these machines are noisy.
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

const root = resolve(import.meta.dirname, '..');
const resultsDir = join(root, 'bench/results');
const fixturesPath = resolve(root, '../shared/fixtures');
const fixturesDir = existsSync(fixturesPath) ? realpathSync(fixturesPath) : fixturesPath;
const only = process.argv.slice(2);

function findBenches() {
  const files = readdirSync(join(root, 'bench'))
    .filter((f) => f.endsWith('.bench.mjs'))
    .map((f) => join(root, 'bench', f));
  for (const pkg of readdirSync(join(root, 'packages'))) {
    const dir = join(root, 'packages', pkg, 'bench');
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) if (f.endsWith('.bench.mjs')) files.push(join(dir, f));
  }
  return files.filter((f) => only.length === 0 || only.includes(basename(f, '.bench.mjs')));
}

function formatValue(value, unit) {
  if (typeof value !== 'number') return String(value);
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
}

function markdown(all) {
  const lines = [
    '# Benchmark results',
    '',
    `Machine: ${process.arch}, ${process.env.CI ? 'CI' : 'dev'}; written by \`pnpm bench\`.`,
    '',
  ];
  for (const { name, result } of all) {
    lines.push(
      `## ${name}`,
      '',
      result.description ?? '',
      '',
      '| metric | value | baseline | ratio | target | ok |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const r of result.rows) {
      lines.push(
        `| ${r.metric.replaceAll('|', '\\|')} | ${formatValue(r.value, r.unit)} | ${r.baseline === undefined ? '' : formatValue(r.baseline, r.unit)} | ${
          r.ratio === undefined ? '' : r.ratio.toFixed(2)
        } | ${r.target ?? ''} | ${r.ok === undefined ? '' : r.ok ? 'yes' : '**no**'} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

const benches = findBenches();
mkdirSync(resultsDir, { recursive: true });
const server = await createServer({
  root,
  configFile: false,
  logLevel: 'warn',
  optimizeDeps: { entries: ['bench/pages/*.html', 'packages/*/bench/pages/*.html'] },
  // No watcher: an edit elsewhere in the tree must not reload a page mid-run.
  server: { port: 0, host: '127.0.0.1', watch: null, hmr: false, fs: { allow: [root, fixturesDir] } },
});
await server.listen();
const address = server.httpServer.address();
const baseUrl = `http://127.0.0.1:${address.port}`;
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
const all = [];
let failed = false;
try {
  for (const file of benches) {
    const name = basename(file, '.bench.mjs');
    const mod = await import(pathToFileURL(file).href);
    console.log(`bench: ${name}...`);
    const started = Date.now();
    const result = await mod.run({
      browser,
      baseUrl,
      root,
      fixturesDir: existsSync(fixturesDir) ? fixturesDir : '',
    });
    result.seconds = (Date.now() - started) / 1000;
    writeFileSync(
      join(resultsDir, `${name}.json`),
      `${JSON.stringify({ name, date: new Date().toISOString(), ...result }, null, 2)}\n`,
    );
    for (const r of result.rows)
      console.log(
        `  ${r.metric}: ${formatValue(r.value, r.unit)}${r.ratio === undefined ? '' : ` (ratio ${r.ratio.toFixed(2)})`}${r.ok === false ? '  MISSES TARGET' : ''}`,
      );
    failed ||= result.rows.some((r) => r.ok === false);
    all.push({ name, result });
  }
} finally {
  await browser.close();
  await server.close();
}
// Keep results of benches not run this time in the table.
for (const f of readdirSync(resultsDir)) {
  if (!f.endsWith('.json')) continue;
  const name = basename(f, '.json');
  if (all.some((a) => a.name === name)) continue;
  const result = JSON.parse(readFileSync(join(resultsDir, f), 'utf8'));
  if (Array.isArray(result.rows) && result.rows.every((r) => 'metric' in r)) all.push({ name, result });
}
all.sort((a, b) => a.name.localeCompare(b.name));
writeFileSync(join(resultsDir, 'README.md'), `${markdown(all)}\n`);
console.log(`bench: wrote ${join('bench/results', 'README.md')}${failed ? ' (some targets missed)' : ''}`);
