// Reads vitest output on stdin and writes each `AVATAR_SHOT <name> <data URL>` line to <dir>/<name>.png.
// Usage: VITE_AVATAR_SHOTS=1 npx vitest run --project browser packages/avatar | node packages/avatar/test/extract-shots.mjs /tmp/avatar-shots
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const dir = process.argv[2] ?? '/tmp/avatar-shots';
mkdirSync(dir, { recursive: true });
for await (const line of createInterface({ input: process.stdin })) {
  const match = /AVATAR_SHOT (\S+) data:image\/png;base64,(\S+)/.exec(line);
  if (!match) continue;
  const file = join(dir, `${match[1]}.png`);
  writeFileSync(file, Buffer.from(match[2], 'base64'));
  process.stdout.write(`wrote ${file}\n`);
}
