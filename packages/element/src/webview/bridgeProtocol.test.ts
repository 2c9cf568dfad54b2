import { describe, expect, it } from 'vitest';
import { MAX_HOST_MESSAGE_CHARS, parseHostMessage } from './bridgeProtocol';

const codeOf = (raw: unknown) => {
  const result = parseHostMessage(raw);
  return result.ok ? 'ok' : result.error.code;
};

describe('parseHostMessage', () => {
  it('accepts every host type of version 1, as JSON text or as an object', () => {
    expect(
      parseHostMessage('{"v":1,"type":"start","id":"r1","payload":{"flow":"card_application"}}'),
    ).toEqual({
      ok: true,
      message: { v: 1, type: 'start', id: 'r1', payload: { flow: 'card_application' } },
    });
    expect(parseHostMessage({ v: 1, type: 'stop' })).toEqual({ ok: true, message: { v: 1, type: 'stop' } });
    expect(codeOf({ v: 1, type: 'mute', payload: { muted: true } })).toBe('ok');
    expect(codeOf({ v: 1, type: 'language', payload: { lang: 'en' } })).toBe('ok');
    const context = { v: 1, type: 'setUserContext', payload: { customerId: 'c-42', vip: true, tier: 3 } };
    expect(parseHostMessage(JSON.stringify(context))).toEqual({ ok: true, message: context });
  });

  it('refuses malformed, oversized, wrong-version and unknown messages with typed codes', () => {
    expect(codeOf('{not json')).toBe('malformed');
    expect(codeOf('[1,2]')).toBe('malformed');
    expect(codeOf(42)).toBe('malformed');
    expect(codeOf(undefined)).toBe('malformed');
    expect(codeOf({ v: 1 })).toBe('malformed');
    const big = { v: 1, type: 'setUserContext', payload: { note: 'x'.repeat(MAX_HOST_MESSAGE_CHARS) } };
    expect(codeOf(JSON.stringify(big))).toBe('too-large');
    expect(codeOf(big)).toBe('too-large');
    const v2 = parseHostMessage({ v: 2, type: 'start', id: 'r9' });
    expect(v2.ok ? null : [v2.error.code, v2.error.replyTo]).toEqual(['unsupported-version', 'r9']);
    expect(codeOf({ type: 'start' })).toBe('unsupported-version');
    expect(codeOf({ v: '1', type: 'start' })).toBe('unsupported-version');
    expect(codeOf({ v: 1, type: 'launchMissiles' })).toBe('unknown-type');
  });

  it('checks payloads against their type and limits', () => {
    expect(codeOf({ v: 1, type: 'mute', payload: { muted: 'yes' } })).toBe('invalid-payload');
    expect(codeOf({ v: 1, type: 'language', payload: { lang: 'fr' } })).toBe('invalid-payload');
    expect(codeOf({ v: 1, type: 'start', payload: { flow: '<script>' } })).toBe('invalid-payload');
    expect(codeOf({ v: 1, type: 'start', payload: [] })).toBe('invalid-payload');
    const nested = { v: 1, type: 'setUserContext', payload: { profile: { name: 'x' } } };
    expect(codeOf(nested)).toBe('invalid-payload');
    const many = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, i]));
    expect(codeOf({ v: 1, type: 'setUserContext', payload: many })).toBe('invalid-payload');
    expect(codeOf({ v: 1, type: 'setUserContext', payload: { __proto__x: 1 } })).toBe('invalid-payload');
    expect(codeOf({ v: 1, type: 'setUserContext', payload: { n: Number.NaN } })).toBe('invalid-payload');
  });

  it('never throws, whatever it is given', () => {
    const circular: Record<string, unknown> = { v: 1, type: 'stop' };
    circular.self = circular;
    for (const raw of [circular, 10n, Symbol('x'), () => 1, null, '', '""', 'null'])
      expect(() => parseHostMessage(raw)).not.toThrow();
    expect(codeOf(circular)).toBe('malformed');
  });
});
