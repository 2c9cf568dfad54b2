import { describe, expect, it } from 'vitest';
import { fetchToken, parseCredentials } from './fetchToken';
import { LiveKitTransportError } from './LiveKitTransportError';

function fakeFetch(
  status: number,
  body: string,
  seen: { url?: string; init?: RequestInit } = {},
): typeof fetch {
  return async (url, init) => {
    seen.url = String(url);
    if (init) seen.init = init;
    return new Response(body, { status, headers: { 'content-type': 'application/json' } });
  };
}

describe('fetchToken', () => {
  it('POSTs the JSON body and returns {url, token}', async () => {
    const seen: { url?: string; init?: RequestInit } = {};
    const answer = JSON.stringify({ url: 'wss://rtc.bank.example', token: 'jwt.x.y', extra: 1 });
    const credentials = await fetchToken('/api/token', {
      body: { flow: 'card' },
      fetch: fakeFetch(200, answer, seen),
    });
    expect(credentials).toEqual({ url: 'wss://rtc.bank.example', token: 'jwt.x.y' });
    expect(seen.url).toBe('/api/token');
    expect(seen.init?.method).toBe('POST');
    expect(seen.init?.body).toBe('{"flow":"card"}');
    expect(seen.init?.credentials).toBe('same-origin');
  });

  it('fails with token_failed on a refusal, a non-JSON answer or a network error', async () => {
    const codeOf = (p: Promise<unknown>) =>
      p.then(
        () => 'resolved',
        (e: LiveKitTransportError) => e.code,
      );
    expect(await codeOf(fetchToken('/t', { fetch: fakeFetch(403, '{}') }))).toBe('token_failed');
    expect(await codeOf(fetchToken('/t', { fetch: fakeFetch(200, '<html>') }))).toBe('token_failed');
    const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const error = await fetchToken('/t', { fetch: offline }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LiveKitTransportError);
    expect((error as LiveKitTransportError).message).toMatch(
      /^DigitalHuman\.LiveKit: token endpoint \/t is unreachable/,
    );
    expect((error as LiveKitTransportError).cause).toBeInstanceOf(TypeError);
  });

  it('accepts only ws(s) URLs and non-empty tokens', () => {
    expect(() => parseCredentials({ url: 'https://x', token: 't' })).toThrow(/ws:\/\/ or wss:\/\//);
    expect(() => parseCredentials({ url: 'ws://127.0.0.1:7880', token: '' })).toThrow(/usable "token"/);
    expect(() => parseCredentials(null)).toThrow(LiveKitTransportError);
    expect(parseCredentials({ url: 'ws://127.0.0.1:7880', token: 't' }).url).toBe('ws://127.0.0.1:7880');
  });
});
