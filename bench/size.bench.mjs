// Gzip size of the built packages without peers, against size-budget.json (run `pnpm build` first).
import { measureSizes } from '../scripts/size-budget.mjs';

export async function run() {
  return {
    description: 'gzip -9 of built ESM, peers and workspace dependencies external.',
    rows: measureSizes(),
  };
}
