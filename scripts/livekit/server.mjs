// Starts and stops a loopback-only livekit-server for dev and tests (the binary scripts/bootstrap.sh --test builds
// into .tools/bin/server). Library: `startLiveKitServer()`. CLI: `node scripts/livekit/server.mjs [--port N]`.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(import.meta.dirname, '../..');
const HOST = '127.0.0.1';

/** @returns {string} Absolute path of the livekit-server binary (LIVEKIT_SERVER_BIN overrides). */
export function liveKitServerPath() {
  return process.env.LIVEKIT_SERVER_BIN ?? join(root, '.tools/bin/server');
}

/** @param {number} [wanted] @returns {Promise<number>} a free TCP port on 127.0.0.1 (wanted, when given). */
function freeTcpPort(wanted = 0) {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(wanted, HOST, () => {
      const address = srv.address();
      srv.close(() => ok(typeof address === 'object' && address ? address.port : wanted));
    });
  });
}

/** @returns {Promise<number>} a free UDP port on 127.0.0.1. */
function freeUdpPort() {
  return new Promise((ok, fail) => {
    const sock = createSocket('udp4');
    sock.once('error', fail);
    sock.bind(0, HOST, () => {
      const { port } = sock.address();
      sock.close(() => ok(port));
    });
  });
}

/**
 * The loopback-only YAML config: HTTP/WebSocket and the one UDP mux on 127.0.0.1 only (interface `lo`, IP filter),
 * ICE over TCP off (pion's TCP mux would listen on every address), no STUN, no TURN, no external IP.
 * @param {{port: number, udpPort: number, apiKey: string, apiSecret: string, logLevel: string}} o
 */
export function liveKitConfigYaml(o) {
  return [
    `port: ${o.port}`,
    `bind_addresses: [${HOST}]`,
    'rtc:',
    '  tcp_port: 0',
    `  udp_port: ${o.udpPort}`,
    '  interfaces:',
    '    includes: [lo]',
    '  ips:',
    `    includes: [${HOST}/32]`,
    `  node_ip: ${HOST}`,
    '  use_external_ip: false',
    '  enable_loopback_candidate: true',
    '  stun_servers: []',
    'turn:',
    '  enabled: false',
    'keys:',
    `  ${o.apiKey}: ${o.apiSecret}`,
    'logging:',
    `  level: ${o.logLevel}`,
    '',
  ].join('\n');
}

/** @param {number} port @param {number} timeoutMs @param {() => string | undefined} exited */
async function waitForHealth(port, timeoutMs, exited) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const reason = exited();
    if (reason) throw new Error(`livekit-server: exited before it answered (${reason})`);
    try {
      const res = await fetch(`http://${HOST}:${port}/`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`livekit-server: no answer on http://${HOST}:${port}/ within ${timeoutMs} ms`);
}

/**
 * Runs the server in its own process group under a shell that also ends it when this Node process is gone,
 * even after SIGKILL (when no 'exit' handler runs), and then removes the temp config. $1 binary, $2 config,
 * $3 our pid.
 */
const WATCHDOG = [
  '"$1" --config "$2" &',
  'server=$!',
  "trap 'kill $server 2>/dev/null' TERM INT HUP",
  'while kill -0 "$3" 2>/dev/null && kill -0 $server 2>/dev/null; do sleep 0.5; done',
  'kill $server 2>/dev/null',
  'wait $server',
  'code=$?',
  'kill -0 "$3" 2>/dev/null || rm -rf "$(dirname "$2")"',
  'exit $code',
].join('\n');

/** @param {number} pid @param {NodeJS.Signals} signal */
function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/**
 * @typedef {object} LiveKitServer
 * @property {string} url ws://127.0.0.1:PORT
 * @property {string} httpUrl http://127.0.0.1:PORT (RoomService)
 * @property {string} apiKey dev key generated for this run
 * @property {string} apiSecret dev secret generated for this run
 * @property {number} pid process (and process group) id
 * @property {() => string} logs everything the server printed so far
 * @property {() => Promise<void>} stop SIGTERM the process group, SIGKILL after 3 s, remove the temp config
 */

/**
 * Starts livekit-server on 127.0.0.1 with free ports and fresh dev keys; resolves once it answers HTTP.
 * Pass `port`, `apiKey` and `apiSecret` of a stopped server to bring "the same" server back (reconnect tests).
 * @param {{port?: number, apiKey?: string, apiSecret?: string, logLevel?: string, timeoutMs?: number,
 *   onLog?: (text: string) => void}} [options]
 * @returns {Promise<LiveKitServer>}
 */
export async function startLiveKitServer(options = {}) {
  const bin = liveKitServerPath();
  if (!existsSync(bin)) {
    throw new Error(`livekit-server: binary not found at ${bin}; run \`bash scripts/bootstrap.sh --test\``);
  }
  const port = await freeTcpPort(options.port ?? 0);
  const udpPort = await freeUdpPort();
  const apiKey = options.apiKey ?? `dev${randomBytes(6).toString('hex')}`;
  const apiSecret = options.apiSecret ?? randomBytes(32).toString('hex');
  const dir = mkdtempSync(join(tmpdir(), 'livekit-'));
  const configPath = join(dir, 'livekit.yaml');
  const logLevel = options.logLevel ?? 'warn';
  writeFileSync(configPath, liveKitConfigYaml({ port, udpPort, apiKey, apiSecret, logLevel }));

  const args = ['-c', WATCHDOG, 'livekit-watchdog', bin, configPath, String(process.pid)];
  const child = spawn('/bin/sh', args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  /** @param {Buffer} chunk */
  const collect = (chunk) => {
    output = (output + chunk.toString()).slice(-64_000);
    options.onLog?.(chunk.toString());
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  /** @type {string | undefined} */
  let exitReason;
  const exited = new Promise((r) => {
    child.once('exit', (code, signal) => {
      exitReason = `code ${code}, signal ${signal}`;
      r(undefined);
    });
    child.once('error', (err) => {
      exitReason = err.message;
      r(undefined);
    });
  });
  const pid = /** @type {number} */ (child.pid);
  const onParentExit = () => killGroup(pid, 'SIGKILL');
  process.once('exit', onParentExit);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', onParentExit);
    if (exitReason === undefined) {
      killGroup(pid, 'SIGTERM');
      const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(port, options.timeoutMs ?? 15_000, () => exitReason);
  } catch (err) {
    await stop();
    throw new Error(`${/** @type {Error} */ (err).message}\n${output}`, { cause: err });
  }
  const url = `ws://${HOST}:${port}`;
  return { url, httpUrl: `http://${HOST}:${port}`, apiKey, apiSecret, pid, logs: () => output, stop };
}

/** CLI: prints the URL and keys, runs until Ctrl-C. */
async function main() {
  const i = process.argv.indexOf('--port');
  const port = i > 0 ? Number(process.argv[i + 1]) : 7880;
  const server = await startLiveKitServer({
    port,
    logLevel: 'info',
    onLog: (text) => process.stderr.write(text),
  });
  console.log(`livekit-server ${server.url}\nLIVEKIT_URL=${server.url}`);
  console.log(`LIVEKIT_API_KEY=${server.apiKey}\nLIVEKIT_API_SECRET=${server.apiSecret}`);
  const shutdown = () => {
    server.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    if (err?.code === 'EADDRINUSE')
      console.error('livekit-server: port taken; pass --port N (0 = any free port)');
    else console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
