import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TokenVerifier } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CustomerGrant, createTokenHandler, type TokenEndpointOptions } from './createTokenHandler';
import { issueResumeTicket } from './resumeTicket';

const KEYS = { apiKey: 'devkey', apiSecret: 'a-dev-secret-of-thirty-two-chars!!' };
const verifier = new TokenVerifier(KEYS.apiKey, KEYS.apiSecret);
const granted: CustomerGrant[] = [];
const live = new Set<string>();

async function serve(options: Partial<TokenEndpointOptions>) {
  const handler = createTokenHandler({
    livekitUrl: 'ws://127.0.0.1:7880',
    ...KEYS,
    onCustomer: async (grant) => {
      granted.push(grant);
      live.add(`${grant.room}/${grant.identity}`);
    },
    isLive: (room, identity) => live.has(`${room}/${identity}`),
    hasRoom: (room) => [...live].some((k) => k.startsWith(`${room}/`)),
    ...options,
  });
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/dh/token` };
}

let plain: { server: Server; url: string };
let withOperators: { server: Server; url: string };
beforeAll(async () => {
  plain = await serve({});
  withOperators = await serve({ operatorSecret: 'op-secret' });
});
afterAll(() => {
  plain.server.close();
  withOperators.server.close();
});

async function post(url: string, body: unknown, raw = false) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: raw ? (body as string) : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

describe('createTokenHandler', () => {
  it('gives a customer a new room, a server-made identity, dh.role customer and minimal grants', async () => {
    const { status, body } = await post(plain.url, {});
    expect(status).toBe(200);
    expect(body.url).toBe('ws://127.0.0.1:7880');
    const claims = await verifier.verify(body.token!);
    expect(claims.sub).toBe(body.identity);
    expect(body.identity).toMatch(/^customer-[0-9a-f]{16}$/);
    expect(claims.attributes).toEqual({ 'dh.role': 'customer' });
    expect(claims.video).toEqual({
      room: body.room,
      roomJoin: true,
      canSubscribe: true,
      canPublish: true,
      canPublishData: true,
      canPublishSources: ['microphone'],
      canUpdateOwnMetadata: false,
    });
    expect(granted.at(-1)).toEqual({
      room: body.room,
      identity: body.identity,
      language: 'zh-CN',
      resumed: false,
    });
    const again = await post(plain.url, { language: 'en-US' });
    expect(again.body.room).not.toBe(body.room);
    expect(again.body.identity).not.toBe(body.identity);
    expect(granted.at(-1)?.language).toBe('en');
  });

  it('keeps room and identity for a valid resume of a live session, and only then', async () => {
    const first = await post(plain.url, {});
    const resumed = await post(plain.url, { resume: first.body.resume });
    expect([resumed.body.room, resumed.body.identity]).toEqual([first.body.room, first.body.identity]);
    expect(granted.at(-1)?.resumed).toBe(true);
    const forged = issueResumeTicket(
      'another-secret',
      { room: first.body.room!, identity: 'x' },
      Date.now() + 1e6,
    );
    expect((await post(plain.url, { resume: forged })).body.room).not.toBe(first.body.room);
    const tampered = first.body.resume!.replace(first.body.identity!, 'customer-0000000000000000');
    expect((await post(plain.url, { resume: tampered })).body.room).not.toBe(first.body.room);
    live.delete(`${first.body.room}/${first.body.identity}`);
    expect((await post(plain.url, { resume: first.body.resume })).body.room).not.toBe(first.body.room);
  });

  it('answers 400 with a JSON error for bad bodies', async () => {
    const bad: [unknown, boolean][] = [
      ['{not json', true],
      [[], false],
      ['"text"', true],
      [{ role: 'agent' }, false],
      [{ role: 'admin' }, false],
      [{ identity: 'chosen-by-browser' }, false],
      [{ language: 5 }, false],
      [{ language: 'zh CN' }, false],
      [{ resume: '' }, false],
      [{ role: 'operator', operatorSecret: 'op-secret' }, false],
      [{ room: '../x' }, false],
      [JSON.stringify({ language: 'x'.repeat(5000) }), true],
    ];
    for (const [body, raw] of bad) {
      const res = await post(withOperators.url, body, raw);
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(typeof res.body.error).toBe('string');
      expect(res.body.token).toBeUndefined();
    }
  });

  it('gives operator tokens only with the configured secret, for a live room', async () => {
    const { body: customer } = await post(withOperators.url, {});
    const ask = (url: string, operatorSecret?: string) =>
      post(url, { role: 'operator', room: customer.room, ...(operatorSecret ? { operatorSecret } : {}) });
    expect((await ask(plain.url, 'op-secret')).status).toBe(403); // no secret configured: never
    expect((await ask(withOperators.url)).status).toBe(403);
    expect((await ask(withOperators.url, 'op-secreT')).status).toBe(403);
    const ok = await ask(withOperators.url, 'op-secret');
    expect(ok.status).toBe(200);
    const claims = await verifier.verify(ok.body.token!);
    expect(claims.attributes).toEqual({ 'dh.role': 'operator' });
    expect(claims.video?.room).toBe(customer.room);
    expect(ok.body.resume).toBeUndefined();
    const unknown = await post(withOperators.url, {
      role: 'operator',
      room: 'dh-0000000000000000',
      operatorSecret: 'op-secret',
    });
    expect(unknown.status).toBe(400);
  });

  it('answers 405 to other methods, 404 to other paths, and defers to next() as middleware', async () => {
    expect((await fetch(plain.url)).status).toBe(405);
    expect((await fetch(plain.url.replace('/token', '/other'), { method: 'POST' })).status).toBe(404);
    const handler = createTokenHandler({ livekitUrl: 'ws://x', ...KEYS });
    let passed = false;
    handler({ url: '/elsewhere', method: 'POST' } as never, {} as never, () => {
      passed = true;
    });
    expect(passed).toBe(true);
  });

  it('answers 503 when the agent cannot join', async () => {
    const failing = await serve({ onCustomer: () => Promise.reject(new Error('room down')) });
    expect((await post(failing.url, {})).status).toBe(503);
    failing.server.close();
  });
});
