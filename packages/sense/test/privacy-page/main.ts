// Browser side of the privacy e2e: a customer with sentiment ON, wired the way the docs tell an app to do it.
import { LiveKitTransport } from '@digital-human/livekit';
import { createMessage } from '@digital-human/protocol';
import { CameraSense } from '../../src';
import { toWireSentiment } from '../../src/SentimentState';
import type { PrivacyLog, PrivacyPageApi } from './privacyApi';

// Served from this package's own node_modules (no CDN).
const WASM = new URL('../../node_modules/@mediapipe/tasks-vision/wasm', import.meta.url).href;

const log: PrivacyLog = { frames: 0, sent: 0, status: [], errors: [] };
let transport: LiveKitTransport | undefined;
let sense: CameraSense | undefined;

const api: PrivacyPageApi = {
  log,
  async start(tokenEndpoint, identity, modelUrl) {
    transport = new LiveKitTransport({ tokenEndpoint, tokenRequest: { body: { identity } } });
    transport.events.on('error', (error) => log.errors.push(error.message));
    await transport.connect();
    // Short interval and heartbeat so a few seconds give several summaries even when nothing changes.
    sense = new CameraSense({
      tracker: { wasmBaseUrl: WASM, modelUrl },
      summary: { intervalMs: 500, heartbeatMs: 1000 },
    });
    const t = transport;
    sense.on('status', (s) => log.status.push(s));
    sense.on('error', (error) => log.errors.push(error.message));
    sense.on('sentiment', () => {
      log.frames++;
    });
    sense.on('summary', (summary) => {
      log.sent++;
      t.send(createMessage('user.sentiment', toWireSentiment(summary))).catch((error: Error) =>
        log.errors.push(error.message),
      );
    });
    await sense.start();
  },
  async dispose() {
    sense?.dispose();
    await transport?.dispose();
  },
};

window.privacyE2E = api;
