// `pnpm docs:api`: writes the generated documentation: docs/api/<package>.md (the API reference from TSDoc, not
// committed), the generated section of docs/protocol.md (every message with a JSON example) and the guides' code
// blocks from docs/snippets. Run it after changing a public API, a protocol message or a snippet; the tests in
// scripts/docsProtocol.test.ts and scripts/docsSnippets.test.ts fail when the committed pages are stale.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createApiProgram, listPackages, renderApiIndex, renderPackage } from './docsApi';
import { formatInPlace } from './docsFormat';
import { renderProtocolReference, replaceSection } from './docsProtocol';
import { docPages, syncSnippets } from './docsSnippets';

const docs = resolve(import.meta.dirname, '../docs');
const apiDir = join(docs, 'api');
mkdirSync(apiDir, { recursive: true });
const packages = listPackages();
const program = createApiProgram(packages);
let bytes = 0;
for (const pkg of packages) {
  const text = renderPackage(pkg, program);
  bytes += text.length;
  writeFileSync(join(apiDir, `${pkg.name.split('/')[1]}.md`), text);
}
writeFileSync(join(apiDir, 'README.md'), renderApiIndex(packages));
const protocolPath = join(docs, 'protocol.md');
writeFileSync(protocolPath, replaceSection(readFileSync(protocolPath, 'utf8'), renderProtocolReference()));
for (const page of docPages()) writeFileSync(page, syncSnippets(readFileSync(page, 'utf8')));
formatInPlace([docs]);
process.stdout.write(
  `docs: ${packages.length} API pages (${Math.round(bytes / 1024)} KiB), protocol.md and the guides' snippets\n`,
);
