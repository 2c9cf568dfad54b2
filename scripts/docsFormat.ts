// The docs are formatted by Biome like the code (`pnpm lint` checks them): generated text is compared with the
// committed pages after the same formatting, and `pnpm docs:api` formats what it writes.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const biome = resolve(root, 'node_modules/.bin/biome');

/** `text` formatted by Biome as the file `path` (relative to the repo root) would be. */
export function formatWithBiome(text: string, path: string): string {
  const run = spawnSync(biome, ['format', `--stdin-file-path=${path}`], {
    cwd: root,
    input: text,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`docs: biome could not format ${path}: ${run.stderr}`);
  return run.stdout;
}

/** Formats files or folders in place with Biome. */
export function formatInPlace(paths: readonly string[]): void {
  const run = spawnSync(biome, ['format', '--write', ...paths], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`docs: biome could not format ${paths.join(' ')}: ${run.stderr}`);
}
