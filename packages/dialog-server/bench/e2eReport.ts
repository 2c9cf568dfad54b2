// Rows, the results table and CPU accounting of `pnpm bench:e2e` (same row shape and table as bench/run.mjs).
import { execFileSync } from 'node:child_process';

/** One result row, as bench/run.mjs writes them. */
export interface Row {
  readonly metric: string;
  readonly value: number;
  readonly unit?: string;
  readonly target?: string;
  readonly ok?: boolean;
}

function formatValue(value: number, unit?: string): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
}

/** The markdown table of the rows (the `## e2e` section bench/run.mjs would write). */
export function benchTable(description: string, rows: readonly Row[]): string {
  const lines = [
    '## e2e',
    '',
    description,
    '',
    '| metric | value | target | ok |',
    '| --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    const ok = r.ok === undefined ? '' : r.ok ? 'yes' : '**no**';
    lines.push(
      `| ${r.metric.replaceAll('|', '\\|')} | ${formatValue(r.value, r.unit)} | ${r.target ?? ''} | ${ok} |`,
    );
  }
  return lines.join('\n');
}

/** CPU seconds used so far by a process and all its descendants (from `ps`). */
function treeCpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return 0;
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,times=']).toString();
  const children = new Map<number, number[]>();
  const times = new Map<number, number>();
  for (const line of out.trim().split('\n')) {
    const [p, pp, t] = line.trim().split(/\s+/).map(Number);
    if (p === undefined || pp === undefined || t === undefined) continue;
    times.set(p, t);
    children.set(pp, [...(children.get(pp) ?? []), p]);
  }
  let total = 0;
  const stack = [pid];
  for (let p = stack.pop(); p !== undefined; p = stack.pop()) {
    total += times.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

/** The Chromium this process launched (its direct child running chromium), if any. */
export function chromiumPid(): number | undefined {
  const out = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)]).toString();
  for (const line of out.trim().split('\n')) {
    const [pid, comm] = line.trim().split(/\s+/);
    if (comm?.includes('chrom')) return Number(pid);
  }
  return undefined;
}

/**
 * CPU seconds so far of this Node process (the dialog service runs in it, with the bench's page server), the
 * livekit-server process tree and the Chromium process tree.
 */
export function cpuSeconds(livekitPid: number, chromiumPid: number | undefined) {
  const usage = process.cpuUsage();
  return {
    node: (usage.user + usage.system) / 1e6,
    livekit: treeCpuSeconds(livekitPid),
    chromium: treeCpuSeconds(chromiumPid),
  };
}
