import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Emitter } from '@digital-human/core';
import { createMessage, ROLE_ATTRIBUTE } from '@digital-human/protocol';
import { TokenVerifier } from 'livekit-server-sdk';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionEvents } from '../SessionEvents';
import { createDeskHandler } from './createDeskHandler';
import type { DeskView } from './DeskFeed';
import type { HandoffSessionPort } from './DeskSession';
import { operatorSecretAuth } from './deskAuth';
import { HandoffDesk } from './HandoffDesk';

const credentials = { apiKey: 'devkey', apiSecret: 'a-secret-of-at-least-32-characters!!' };
const SECRET = 'dev-operator-secret';

/** A session that only raises events (the desk's port), enough for the HTTP surface. */
function fakeSession(): HandoffSessionPort {
  return {
    events: new Emitter<SessionEvents>(),
    customerIdentity: 'cust-1',
    dialogState: {
      language: 'zh-CN',
      flow: undefined,
      step: undefined,
      controller: 'ai',
      handoffPending: false,
    },
    suspendAgent: async () => undefined,
    resumeAgent: async () => undefined,
    send: async () => undefined,
  } as unknown as HandoffSessionPort;
}

let server: Server | undefined;
let opened: HandoffDesk | undefined;
afterEach(async () => {
  opened?.dispose();
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
});

async function serve() {
  const desk = new HandoffDesk();
  opened = desk;
  const session = fakeSession();
  desk.attach('dh-room1', 'dh-room1', session);
  const handler = createDeskHandler({
    desk,
    authenticate: operatorSecretAuth(SECRET),
    credentials,
    livekitUrl: 'ws://127.0.0.1:7880',
  });
  server = createServer((req, res) => handler(req, res));
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/dh/desk`;
  const headers = (secret = SECRET) => ({ authorization: `Bearer ${secret}`, 'x-dh-operator': 'op-alice' });
  return { desk, session, base, headers };
}

describe('createDeskHandler', () => {
  it('refuses requests without the operator secret', async () => {
    const { base, headers } = await serve();
    expect((await fetch(`${base}/feed`)).status).toBe(401);
    const wrong = await fetch(`${base}/join`, { method: 'POST', headers: headers('guess'), body: '{}' });
    expect(wrong.status).toBe(401);
  });

  it('mints an operator token with the operator identity, only for rooms on the desk', async () => {
    const { base, headers } = await serve();
    const res = await fetch(`${base}/join`, {
      method: 'POST',
      headers: headers(),
      body: JSON.stringify({ room: 'dh-room1' }),
    });
    const body = (await res.json()) as { token: string; identity: string };
    expect(body.identity).toBe('op-alice');
    const claims = await new TokenVerifier(credentials.apiKey, credentials.apiSecret).verify(body.token);
    expect(claims.sub).toBe('op-alice');
    expect(claims.attributes?.[ROLE_ATTRIBUTE]).toBe('operator');
    expect(claims.video?.room).toBe('dh-room1');
    const other = await fetch(`${base}/join`, {
      method: 'POST',
      headers: headers(),
      body: JSON.stringify({ room: 'dh-elsewhere' }),
    });
    expect(other.status).toBe(404);
  });

  it('streams the view: a request appears in the queue as it is raised', async () => {
    const { base, headers, session } = await serve();
    const controller = new AbortController();
    const res = await fetch(`${base}/feed`, { headers: headers(), signal: controller.signal });
    const reader = res.body!.getReader();
    const views: DeskView[] = [];
    const read = async () => {
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += new TextDecoder().decode(value);
        for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          if (block.startsWith('event: view')) views.push(JSON.parse(block.split('\ndata: ')[1]!));
        }
      }
    };
    const reading = read().catch(() => undefined);
    for (let i = 0; i < 200 && views.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(views[0]?.queue).toEqual([]);
    const request = createMessage('handoff.request', { reason: 'complaint', skills: ['soothing'] });
    session.events.emit('outbound', { message: request, to: undefined });
    for (let i = 0; i < 200 && views.length < 2; i++) await new Promise((r) => setTimeout(r, 5));
    expect(views[1]?.queue[0]).toMatchObject({ room: 'dh-room1', reason: 'complaint', phase: 'waiting' });
    controller.abort();
    await reading;
  });
});
