// The element ships to bank customers: it must never import the GPL dialog engine (ARCHITECTURE.md, rules of the
// house). The local demo transport is registered by the page; this guard fails if shipped source reaches for it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = import.meta.dirname;
const shipped = readdirSync(src, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.ts') && !f.includes('.test.') && !f.startsWith('testing'));

describe('the shipped element', () => {
  it('has source files to check', () => {
    expect(shipped).toContain('DigitalHumanElement.ts');
    expect(shipped).toContain(join('webview', 'WebViewBridge.ts'));
  });

  it.each(shipped)('%s imports nothing from @digital-human/dialog or espeak-ng', (file) => {
    // Code only: TSDoc examples may show how a page registers the demo transport.
    const text = readFileSync(join(src, file), 'utf8')
      .split('\n')
      .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
      .join('\n');
    expect(text).not.toMatch(/from\s+['"]@digital-human\/dialog/);
    expect(text).not.toMatch(/import\(\s*['"]@digital-human\/dialog/);
    expect(text).not.toMatch(/espeak-ng/);
  });
});
