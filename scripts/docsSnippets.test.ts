import { readdirSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatWithBiome } from './docsFormat';
import { docPages, SNIPPETS_DIR, snippetDiagnostics, snippetsOf, syncSnippets } from './docsSnippets';

const root = resolve(import.meta.dirname, '..');

describe('the guides’ code', () => {
  it('is the current content of docs/snippets (run `pnpm docs:api` when this fails)', {
    timeout: 60_000,
  }, () => {
    for (const page of docPages()) {
      const text = readFileSync(page, 'utf8');
      expect(formatWithBiome(syncSnippets(text), relative(root, page)), page).toBe(text);
    }
  });

  it('uses every snippet file somewhere', () => {
    const used = new Set(docPages().flatMap((p) => snippetsOf(readFileSync(p, 'utf8'))));
    const files = readdirSync(SNIPPETS_DIR).filter((f) => /\.tsx?$/.test(f));
    expect(files.filter((f) => !used.has(f))).toEqual([]);
  });

  it('replaces a stale block and leaves the rest of the page alone', () => {
    const page = 'intro\n<!-- snippet: a.ts -->\n```ts\nold\n```\noutro\n';
    expect(syncSnippets(page, () => 'new();')).toBe(
      'intro\n<!-- snippet: a.ts -->\n```ts\nnew();\n```\noutro\n',
    );
  });

  it('typechecks against the packages’ public entry points', { timeout: 180_000 }, () => {
    expect(snippetDiagnostics()).toEqual([]);
  });
});
