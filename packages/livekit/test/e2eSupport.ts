// Node-side helpers for the LiveKit end-to-end tests: role tokens, the browser page server, waiting on events.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROLE_ATTRIBUTE } from '@digital-human/protocol';
import { AccessToken } from 'livekit-server-sdk';
import { createServer, type ViteDevServer } from 'vite';

/** Participant roles, set by the server in the token's attributes. */
export type E2ERole = 'customer' | 'agent' | 'operator';

/** Credentials of a running loopback livekit-server. */
export interface E2EServerKeys {
  apiKey: string;
  apiSecret: string;
}

/** Mints a room-join token whose attributes carry the participant's role (`dh.role`), as the bank's endpoint would. */
export async function mintToken(keys: E2EServerKeys, room: string, identity: string, role: E2ERole) {
  const token = new AccessToken(keys.apiKey, keys.apiSecret, {
    identity,
    attributes: { [ROLE_ATTRIBUTE]: role },
    ttl: '10m',
  });
  token.addGrant({ room, roomJoin: true, canPublish: true, canSubscribe: true, canPublishData: true });
  return token.toJwt();
}

/** Serves `test/page/` (the browser side of the e2e tests) with Vite on 127.0.0.1 and a free port. */
export async function servePage(): Promise<{ url: string; server: ViteDevServer }> {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), 'page');
  const server = await createServer({
    configFile: false,
    root,
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
    optimizeDeps: { include: ['livekit-client'] },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('e2e: page server has no port');
  return { url: `http://127.0.0.1:${address.port}/`, server };
}

/** Resolves with the first value `check` returns that is not undefined, polling every 5 ms. */
export async function waitFor<T>(
  check: () => T | undefined,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`e2e: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Median and p95 of a list of durations in ms, rounded to 0.01 ms. */
export function summarize(samples: readonly number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const round = (v: number) => Math.round(v * 100) / 100;
  return { n: sorted.length, median: round(at(0.5)), p95: round(at(0.95)), max: round(at(1)) };
}
