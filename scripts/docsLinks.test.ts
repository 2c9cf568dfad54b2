import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docPages } from './docsSnippets';

const root = resolve(import.meta.dirname, '..');

/** Relative link targets (`](path)` and `](path#anchor)`) of a markdown page, without web links. */
function relativeLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => (m[1] ?? '').split('#')[0] ?? '')
    .filter((target) => target !== '' && !/^[a-z]+:/i.test(target));
}

describe('links in the docs', () => {
  it('point at files that exist (docs/*.md and the root README)', () => {
    const pages = [...docPages(), join(root, 'README.md')];
    const broken = pages.flatMap((page) =>
      relativeLinks(readFileSync(page, 'utf8'))
        .filter((target) => !existsSync(resolve(dirname(page), target)))
        .map((target) => `${page}: ${target}`),
    );
    expect(broken).toEqual([]);
  });

  it('finds a broken link', () => {
    expect(relativeLinks('see [a](missing.md#x), [b](https://example.com) and [c](./x/y.md)')).toEqual([
      'missing.md',
      './x/y.md',
    ]);
  });
});
