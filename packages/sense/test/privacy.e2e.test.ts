// Privacy end to end on 127.0.0.1: a customer page in headless Chromium (fake camera) with sentiment ON, joined to a
// real livekit-server through LiveKitTransport; an agent in Node (@livekit/rtc-node) records everything the customer
// sends. Only small `user.sentiment` summaries may leave the device: no video track, no image bytes.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode } from '@digital-human/protocol';
import {
  dispose as disposeRtcNode,
  Room as NodeRoom,
  RoomEvent as NodeRoomEvent,
  type RemoteParticipant,
  type RemoteTrackPublication,
} from '@livekit/rtc-node';
import { type Browser, chromium, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';
import {
  type LiveKitServer,
  liveKitServerPath,
  startLiveKitServer,
} from '../../../scripts/livekit/server.mjs';
import { mintToken, waitFor } from '../../livekit/test/e2eSupport';
import './privacy-page/privacyApi';

const fixturesDir = inject('fixturesDir');
const model = fixturesDir ? join(fixturesDir, 'face_landmarker.task') : '';
const hasServer = existsSync(liveKitServerPath());
const hasModel = model !== '' && existsSync(model);
if (!hasServer) console.warn('privacy e2e skipped: no livekit-server binary at', liveKitServerPath());
if (!hasModel) console.warn('privacy e2e skipped: fixtures (face_landmarker.task) not found');

const ROOM = 'e2e-privacy';
const CUSTOMER = 'customer-privacy';
const RECORD_MS = 6000;
const MIN_SUMMARIES = 4;
const MAX_PAYLOAD = 1024;
const here = dirname(fileURLToPath(import.meta.url));

/** One thing the customer sent, as the agent received it. */
interface Received {
  via: 'data' | 'bytes' | 'text';
  topic: string;
  bytes: Uint8Array;
}

const MAGIC: Record<string, number[]> = {
  jpeg: [0xff, 0xd8, 0xff],
  png: [0x89, 0x50, 0x4e, 0x47],
  riff: [0x52, 0x49, 0x46, 0x46], // WebP's container
};

/** Whether `bytes` contains `needle` anywhere. */
function contains(bytes: Uint8Array, needle: number[]): boolean {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

/** Only numbers, booleans and short label strings, recursively (the envelope's ids and type are short strings). */
function onlySmallFields(value: unknown): boolean {
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return true;
  if (typeof value === 'string') return value.length <= 64;
  if (Array.isArray(value)) return value.every(onlySmallFields);
  if (typeof value === 'object') return Object.values(value).every(onlySmallFields);
  return false;
}

/**
 * rtc-node drops a byte/text stream whose topic has no handler before anyone sees it; to record streams on ANY topic,
 * the agent answers every lookup in its (private) handler map with a recorder.
 */
function recordAllStreams(room: NodeRoom, out: Received[]): void {
  const maps = room as unknown as Record<'byteStreamHandlers' | 'textStreamHandlers', Map<string, unknown>>;
  if (!(maps.byteStreamHandlers instanceof Map) || !(maps.textStreamHandlers instanceof Map))
    throw new Error('privacy e2e: rtc-node stream handler maps not found (library changed?)');
  maps.byteStreamHandlers.get =
    () => (reader: { info: { topic: string }; readAll(): Promise<Uint8Array[]> }) =>
      void reader.readAll().then((chunks) => {
        out.push({ via: 'bytes', topic: reader.info.topic, bytes: Buffer.concat(chunks) });
      });
  maps.textStreamHandlers.get = () => (reader: { info: { topic: string }; readAll(): Promise<string> }) =>
    void reader.readAll().then((text) => {
      out.push({ via: 'text', topic: reader.info.topic, bytes: new TextEncoder().encode(text) });
    });
}

/** Serves the customer page with Vite, plus the fixture model at `/fixtures/face_landmarker.task` and `/token`. */
async function servePrivacyPage(token: (identity: string) => Promise<{ url: string; token: string }>) {
  const server = await createServer({
    configFile: false,
    root: resolve(here, 'privacy-page'),
    logLevel: 'warn',
    plugins: [
      {
        name: 'privacy-e2e-endpoints',
        configureServer(vite) {
          vite.middlewares.use('/fixtures/face_landmarker.task', (_req, res) => {
            void import('node:fs/promises').then(async ({ readFile }) => {
              res.setHeader('content-type', 'application/octet-stream');
              res.end(await readFile(model));
            });
          });
          vite.middlewares.use('/token', (req, res) => {
            let raw = '';
            req.on('data', (chunk: Buffer) => {
              raw += chunk.toString();
            });
            req.on('end', () => {
              const identity = (JSON.parse(raw || '{}') as { identity?: string }).identity ?? 'x';
              void token(identity).then((body) => {
                res.setHeader('content-type', 'application/json');
                res.end(JSON.stringify(body));
              });
            });
          });
        },
      },
    ],
    server: {
      host: '127.0.0.1',
      port: 0,
      hmr: false,
      watch: null,
      fs: { allow: [resolve(here, '../../..')] },
    },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('privacy e2e: page server has no port');
  return { url: `http://127.0.0.1:${address.port}/`, server };
}

describe.skipIf(!hasServer || !hasModel)('sentiment ON in a LiveKit session sends only summaries', () => {
  let server: LiveKitServer;
  let pageServer: ViteDevServer;
  let browser: Browser;
  let page: Page;
  const agent = new NodeRoom();
  const received: Received[] = [];
  const publications: { source: number | undefined; kind: number | undefined; name: string | undefined }[] =
    [];

  beforeAll(async () => {
    server = await startLiveKitServer();
    const served = await servePrivacyPage(async (identity) => ({
      url: server.url,
      token: await mintToken(server, ROOM, identity, 'customer'),
    }));
    pageServer = served.server;
    agent.on(NodeRoomEvent.DataReceived, (payload, participant?: RemoteParticipant, _kind?, topic?) => {
      if (participant?.identity === CUSTOMER)
        received.push({ via: 'data', topic: topic ?? '', bytes: payload });
    });
    agent.on(NodeRoomEvent.TrackPublished, (publication: RemoteTrackPublication, participant) => {
      if (participant.identity === CUSTOMER)
        publications.push({ source: publication.source, kind: publication.kind, name: publication.name });
    });
    recordAllStreams(agent, received);
    await agent.connect(server.url, await mintToken(server, ROOM, 'agent-1', 'agent'), {
      autoSubscribe: true,
      dynacast: false,
    });
    browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
    page = await browser.newPage();
    page.on('pageerror', (err) => console.error('page error:', err));
    await page.goto(served.url);
    await page.waitForFunction(() => window.privacyE2E !== undefined);
  });

  afterAll(async () => {
    await page?.evaluate(() => window.privacyE2E.dispose()).catch(() => undefined);
    await browser?.close();
    await agent.disconnect();
    await disposeRtcNode();
    await pageServer?.close();
    await server?.stop();
  });

  it('publishes no video, and every payload is a small user.sentiment summary without image bytes', async () => {
    await page.evaluate(
      ([id]) => window.privacyE2E.start('/token', id!, '/fixtures/face_landmarker.task'),
      [CUSTOMER],
    );
    const customer = await waitFor(() => agent.remoteParticipants.get(CUSTOMER), 10_000, 'customer');
    await new Promise((r) => setTimeout(r, RECORD_MS));
    // A loaded machine tracks fewer frames per second: record longer (up to 30 s) until enough were seen.
    let log = await page.evaluate(() => window.privacyE2E.log);
    for (let waited = 0; waited < 30_000 && (log.frames < 10 || log.sent < MIN_SUMMARIES); waited += 500) {
      await new Promise((r) => setTimeout(r, 500));
      log = await page.evaluate(() => window.privacyE2E.log);
    }
    await waitFor(() => (received.length >= log.sent ? true : undefined), 5000, 'the last summaries');

    // Sensing really ran: the camera was on, the model processed frames, summaries were sent and arrived.
    expect(log.errors).toEqual([]);
    expect(log.status).toContain('on');
    expect(log.frames).toBeGreaterThanOrEqual(10); // ~45 on an idle machine, ~18 under load
    expect(log.sent).toBeGreaterThanOrEqual(MIN_SUMMARIES);
    const sentiments = received.filter((r) => r.via === 'data' && r.topic.startsWith('dh.'));
    expect(sentiments.length).toBeGreaterThanOrEqual(MIN_SUMMARIES);

    // No track at all left the customer: no camera, no screen share (the microphone was never enabled here).
    expect(publications).toEqual([]);
    expect([...customer.trackPublications.values()]).toEqual([]);

    const allowed = new Set(['user.sentiment', 'hello', 'ack']);
    for (const item of received) {
      const what = `${item.via} on ${item.topic} (${item.bytes.length} B)`;
      expect(item.via, what).toBe('data'); // no byte or text stream from the customer
      expect(item.bytes.length, what).toBeLessThan(MAX_PAYLOAD);
      for (const [name, magic] of Object.entries(MAGIC))
        expect(contains(item.bytes, magic), `${what}: ${name}`).toBe(false);
      const text = new TextDecoder().decode(item.bytes);
      expect(text, what).not.toMatch(/[A-Za-z0-9+/=]{64,}/); // no long base64 run
      const decoded = decode(item.bytes, 'customer');
      expect(decoded.ok, `${what}: ${text}`).toBe(true);
      if (!decoded.ok) continue;
      expect(allowed.has(decoded.message.type), `${what}: ${decoded.message.type}`).toBe(true);
      expect(onlySmallFields(decoded.message), `${what}: ${text}`).toBe(true);
    }
    const types = received.map(
      (r) => (decode(r.bytes, 'customer') as { message?: { type: string } }).message?.type,
    );
    expect(types.filter((t) => t === 'user.sentiment').length).toBeGreaterThanOrEqual(MIN_SUMMARIES);
    console.log(
      `privacy e2e: ${log.frames} frames sensed, ${log.sent} summaries sent, ${received.length} payloads received ` +
        `(max ${Math.max(...received.map((r) => r.bytes.length))} B), ${publications.length} tracks published`,
    );
  });
});
