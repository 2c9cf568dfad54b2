// `pnpm dev:livekit`: the whole stack on loopback. livekit-server (127.0.0.1, fresh dev keys), the dialog service
// (packages/dialog-server: token endpoint POST /api/dh/token + an agent per customer room) and the showcase in
// LiveKit mode (VITE_DH_TRANSPORT=livekit, /api/dh proxied to the dialog service). Ctrl-C stops all three.
//
// Options: --port N (livekit-server, default 7880; 0 = any free port), --dialog-port N (default 8787).
// Operator tokens: DH_OPERATOR_SECRET, default 'dev-operator-secret' here (dev only; never put it in a page).
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { startLiveKitServer } from './server.mjs';

const root = resolve(import.meta.dirname, '../..');

/** @param {string} name @param {number} fallback */
function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** @type {import('node:child_process').ChildProcess[]} */
const children = [];
let stopping = false;

/** @param {string} label @param {string} command @param {string[]} args @param {NodeJS.ProcessEnv} env */
function run(label, command, args, env) {
  // Own process group: stopping it reaches grandchildren too (pnpm → vite).
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: 'inherit',
    detached: true,
  });
  child.once('exit', (code, signal) => {
    if (!stopping) {
      console.error(`dev:livekit: ${label} exited (${code ?? signal}); stopping the stack`);
      void stop(1);
    }
  });
  children.push(child);
  return child;
}

/** @type {Awaited<ReturnType<typeof startLiveKitServer>> | undefined} */
let server;

/** @param {number} code */
async function stop(code) {
  if (stopping) return;
  stopping = true;
  const exits = children
    .filter((c) => c.exitCode === null && c.signalCode === null)
    .map((c) => new Promise((r) => c.once('exit', r)));
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  await Promise.race([Promise.all(exits), new Promise((r) => setTimeout(r, 5000))]);
  await server?.stop();
  process.exit(code);
}

async function main() {
  server = await startLiveKitServer({ port: option('--port', 7880) });
  const dialogPort = option('--dialog-port', 8787);
  const operatorSecret = process.env.DH_OPERATOR_SECRET ?? 'dev-operator-secret';
  console.log(`dev:livekit: livekit-server ${server.url}`);
  run(
    'dialog-server',
    process.execPath,
    ['--import', 'tsx', join(root, 'packages/dialog-server/src/main.ts')],
    {
      LIVEKIT_URL: server.url,
      LIVEKIT_API_KEY: server.apiKey,
      LIVEKIT_API_SECRET: server.apiSecret,
      DH_OPERATOR_SECRET: operatorSecret,
      DH_DIALOG_HOST: '127.0.0.1',
      DH_DIALOG_PORT: String(dialogPort),
    },
  );
  run('showcase', 'pnpm', ['--filter', '@digital-human/showcase', 'dev'], {
    VITE_DH_TRANSPORT: 'livekit',
    DH_DIALOG_SERVER: `http://127.0.0.1:${dialogPort}`,
  });
  console.log(
    'dev:livekit: showcase on http://127.0.0.1:5173/ (LiveKit mode; ?transport=local for the local one)',
  );
  console.log(`dev:livekit: operator tokens with DH_OPERATOR_SECRET=${operatorSecret} (dev default)`);
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));
  process.once('exit', () => {
    for (const child of children) if (child.pid && !stopping) process.kill(-child.pid, 'SIGKILL');
  });
}

main().catch(async (err) => {
  console.error(err instanceof Error ? err.message : err);
  await stop(1);
});
