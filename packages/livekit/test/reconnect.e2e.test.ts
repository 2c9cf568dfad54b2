// The server goes away and comes back: the customer's transport reports reconnecting, rejoins on its own once
// livekit-server is up again on the same port, and messages flow again.
import { existsSync } from 'node:fs';
import { createMessage, encode, Topic } from '@digital-human/protocol';
import { dispose as disposeRtcNode, Room as NodeRoom } from '@livekit/rtc-node';
import type { Browser, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LiveKitServer,
  liveKitServerPath,
  startLiveKitServer,
} from '../../../scripts/livekit/server.mjs';
import { mintToken, openTransportPage, waitFor, waitInPage } from './e2eSupport';

const hasServer = existsSync(liveKitServerPath());
const ROOM = 'e2e-reconnect';
const CUSTOMER = 'customer-1';

// Off until it is reliable: on the loaded 2-core machine livekit-client sometimes reports nothing for 20 s after
// the server process is stopped (3 of 5 runs), although the same test passes when run alone. The signal-drop
// reconnect in transport.e2e.test.ts covers reconnecting → reconnected meanwhile. Tracked in the transport issue.
const RESTART_TEST_RELIABLE = process.env.DH_E2E_SERVER_RESTART === '1';

describe.skipIf(!hasServer || !RESTART_TEST_RELIABLE)(
  'LiveKitTransport across a livekit-server restart',
  () => {
    let server: LiveKitServer;
    let pageServer: ViteDevServer;
    let browser: Browser;
    let page: Page;
    let agent: NodeRoom | undefined;
    const states = () => page.evaluate(() => window.transportE2E.log.connection.map((c) => c.state));

    async function joinAgent() {
      const room = new NodeRoom();
      await room.connect(server.url, await mintToken(server, ROOM, 'agent-1', 'agent'), {
        autoSubscribe: false,
        dynacast: false,
      });
      return room;
    }

    beforeAll(async () => {
      server = await startLiveKitServer();
      ({ pageServer, browser, page } = await openTransportPage(server, ROOM));
      await page.evaluate(([id]) => window.transportE2E.connect('/token', id!), [CUSTOMER]);
      agent = await joinAgent();
    });

    afterAll(async () => {
      await page?.evaluate(() => window.transportE2E.dispose()).catch(() => undefined);
      await browser?.close();
      await agent?.disconnect();
      await disposeRtcNode();
      await pageServer?.close();
      await server?.stop();
    });

    it('reports reconnecting while the server is down and reconnected once it is back', async () => {
      expect(await states()).toEqual(['connecting', 'connected']);
      // Sent the moment the agent sees the customer: the customer may not have been told about the agent yet.
      await waitFor(() => agent?.remoteParticipants.get(CUSTOMER), 10_000, 'customer');
      const sentAt = performance.now();
      const hello = createMessage('dialog.state', { state: 'idle' });
      await agent!.localParticipant!.publishData(encode(hello), { reliable: true, topic: Topic.dialog });
      await page.waitForFunction(() => window.transportE2E.log.messages.length > 0, null, {
        timeout: 10_000,
        polling: 100,
      });
      console.log(
        `first message of a just-joined agent delivered after ${Math.round(performance.now() - sentAt)} ms`,
      );
      expect((await page.evaluate(() => window.transportE2E.log.security)).length).toBe(0);
      const { url, apiKey, apiSecret } = server;
      await agent?.disconnect();
      agent = undefined;
      await server.stop();
      await waitInPage(
        page,
        () => window.transportE2E.log.connection.some((c) => c.state === 'reconnecting'),
        null,
        20_000,
        'reconnecting',
      );
      await new Promise((r) => setTimeout(r, 1000)); // down for a while, as in a real outage
      server = await startLiveKitServer({ port: Number(new URL(url).port), apiKey, apiSecret });
      const back = performance.now();
      await waitInPage(
        page,
        () => window.transportE2E.log.connection.at(-1)?.state === 'reconnected',
        null,
        30_000,
        'reconnected',
      );
      console.log(`server back → transport reconnected in ${Math.round(performance.now() - back)} ms`);
      const after = (await states()).slice(2);
      expect(after.at(-1)).toBe('reconnected');
      expect(after).not.toContain('disconnected');
      expect((await page.evaluate(() => window.transportE2E.status())).state).toBe('connected');
    });

    it('keeps the session: messages from a rejoining agent arrive', async () => {
      agent = await joinAgent();
      await waitFor(() => agent?.remoteParticipants.get(CUSTOMER), 10_000, 'customer in the new room');
      const message = createMessage('dialog.state', { state: 'speaking' });
      await agent.localParticipant!.publishData(encode(message), { reliable: true, topic: Topic.dialog });
      await page.waitForFunction(
        () => window.transportE2E.log.messages.filter((m) => m.type === 'dialog.state').length === 2,
      );
      expect((await page.evaluate(() => window.transportE2E.log.errors)).length).toBe(0);
    });
  },
);
