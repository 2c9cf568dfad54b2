// Node-side helpers for the operator console's e2e: serve the console with its own Vite config (proxying /api/dh
// to the dialog server), and read the console's state in the page.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';

const consoleRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Serves the console on 127.0.0.1 and a free port, its `/api/dh` proxied to `dialogUrl`. */
export async function serveConsole(dialogUrl: string): Promise<ViteDevServer> {
  process.env.DH_DIALOG_URL = dialogUrl;
  const server = await createServer({
    configFile: resolve(consoleRoot, 'vite.config.ts'),
    configLoader: 'runner',
    root: consoleRoot,
    logLevel: 'warn',
    // Its own optimizer cache: the customer page's Vite server uses the package's default one at the same time.
    cacheDir: resolve(consoleRoot, 'node_modules/.vite-e2e-console'),
    optimizeDeps: { include: ['livekit-client', 'three', '@pixiv/three-vrm'] },
    server: { port: 0, strictPort: false, hmr: false, watch: null },
  });
  await server.listen();
  return server;
}

/** The console's URL with an auto-login. */
export function consoleUrl(server: ViteDevServer, login: Record<string, string>): string {
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('e2e: console server has no port');
  const query = new URLSearchParams({ ...login, autologin: '1' });
  return `http://127.0.0.1:${address.port}/?${query}`;
}

/** What the console exposes on `window.__console` for tests (see src/main.ts). */
export interface ConsoleHook {
  readonly cameraOn: boolean;
  /** Epoch ms of the last click in the page. */
  readonly lastClick: number;
  readonly live: string | undefined;
  /** The operator camera's capture rate and cost, or null when off. */
  readonly captureStats: { readonly frames: number; readonly fps: number; readonly costMs: number } | null;
}

declare global {
  interface Window {
    __console: ConsoleHook;
  }
}
