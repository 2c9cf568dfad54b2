// Node-side helpers for the LiveKit end-to-end tests: role tokens, the browser page server, waiting on events.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROLE_ATTRIBUTE } from '@digital-human/protocol';
import { AccessToken } from 'livekit-server-sdk';
import { type Browser, chromium, type Page } from 'playwright-core';
import { createServer, type Plugin, type ViteDevServer } from 'vite';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';

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

/** Answers the page's token endpoint (`POST /token`) with `{url, token}` for the JSON body it got. */
export type TokenHandler = (body: Record<string, unknown>) => Promise<{ url: string; token: string }>;

/**
 * Serves a browser page folder under `test/` (default `page`) with Vite on 127.0.0.1 and a free port; with
 * `onToken`, also a `POST /token` endpoint like the bank's, so the page never sees an API secret.
 */
export async function servePage(
  folder = 'page',
  onToken?: TokenHandler,
): Promise<{ url: string; server: ViteDevServer }> {
  const here = dirname(fileURLToPath(import.meta.url));
  const tokenEndpoint: Plugin = {
    name: 'e2e-token-endpoint',
    configureServer(server) {
      server.middlewares.use('/token', (req, res) => {
        let raw = '';
        req.on('data', (chunk: Buffer) => {
          raw += chunk.toString();
        });
        req.on('end', () => {
          const reply = onToken
            ? onToken(raw ? JSON.parse(raw) : {})
            : Promise.reject(new Error('no tokens'));
          reply.then(
            (body) => {
              res.setHeader('content-type', 'application/json');
              res.end(JSON.stringify(body));
            },
            () => {
              res.statusCode = 403;
              res.end('{}');
            },
          );
        });
      });
    },
  };
  const server = await createServer({
    configFile: false,
    root: resolve(here, folder),
    logLevel: 'warn',
    plugins: [tokenEndpoint],
    server: {
      host: '127.0.0.1',
      port: 0,
      strictPort: false,
      hmr: false,
      watch: null,
      fs: { allow: [resolve(here, '../../..')] },
    },
    optimizeDeps: { include: ['livekit-client'] },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('e2e: page server has no port');
  return { url: `http://127.0.0.1:${address.port}/`, server };
}

/** The transport page open in Chromium (see {@link openTransportPage}). */
export interface TransportPage {
  readonly pageServer: ViteDevServer;
  readonly browser: Browser;
  readonly page: Page;
}

/**
 * Serves `transport-page` (its `/token` answers customer tokens for `room` on `server`, or `onToken`), opens it in
 * Chromium, logs the page's errors, and resolves once `window.transportE2E` is there.
 */
export async function openTransportPage(
  server: E2EServerKeys & { readonly url: string },
  room: string,
  onToken?: TokenHandler,
): Promise<TransportPage> {
  const served = await servePage(
    'transport-page',
    onToken ??
      (async (body) => ({
        url: server.url,
        token: await mintToken(server, room, String(body.identity), 'customer'),
      })),
  );
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
  const page = await browser.newPage();
  page.on('pageerror', (err) => console.error('page error:', err));
  await page.goto(served.url);
  await page.waitForFunction(() => window.transportE2E !== undefined);
  return { pageServer: served.server, browser, page };
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

/**
 * Waits until `predicate` is true in the page, polling from Node with `page.evaluate` every 500 ms. Measured here:
 * Playwright's `waitForFunction` (rAF or 100 ms polling) and 100 ms evaluate polling both kept livekit-client from
 * ever reporting `reconnecting` within 20 s after a server stop on the loaded 2-core machine; 500 ms polling sees it
 * in 3-5 s, as an unobserved page does.
 */
export async function waitInPage<A>(
  page: { evaluate<R, Arg>(fn: (arg: Arg) => R, arg: Arg): Promise<R> },
  predicate: (arg: A) => boolean,
  arg: A,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await page.evaluate(predicate, arg))) {
    if (performance.now() > deadline)
      throw new Error(`e2e: timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
