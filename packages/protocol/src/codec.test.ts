import { describe, expect, it } from 'vitest';
import {
  createMessage,
  decode,
  encode,
  encodeText,
  type JsonMessage,
  Limits,
  PROTOCOL_VERSION,
  ProtocolError,
  type Role,
  utf8Length,
} from './index';

/** Encodes then decodes as `role`; returns the decode result. */
function roundTrip(message: JsonMessage, role: Role) {
  return decode(encode(message), role);
}

function expectCode(input: string | Uint8Array, role: Role | null, code: string) {
  const r = decode(input, role);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error.code).toBe(code);
  return r;
}

describe('codec basics', () => {
  const hello = createMessage('hello', {
    protocolVersion: PROTOCOL_VERSION,
    capabilities: ['visemes'],
    language: 'zh-CN',
  });

  it('round-trips a message as bytes and as text', () => {
    const r = roundTrip(hello, 'customer');
    expect(r).toEqual({ ok: true, message: hello });
    expect(decode(encodeText(hello), 'customer')).toEqual({ ok: true, message: hello });
  });

  it('accepts a newer minor version and drops its unknown fields', () => {
    const text = JSON.stringify({ ...hello, v: '1.7', futureField: { a: 1 } });
    const r = decode(text, 'customer');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.message).not.toHaveProperty('futureField');
  });

  it('refuses an unknown major version with version-unsupported and upgradeNeeded', () => {
    const r = expectCode(JSON.stringify({ ...hello, v: '2.0' }), 'customer', 'version-unsupported');
    if (!r.ok) {
      expect(r.error.upgradeNeeded).toBe(true);
      expect(r.error.remoteVersion).toBe('2.0');
      expect(r.error).toBeInstanceOf(ProtocolError);
      expect(r.error.message).toMatch(/^DigitalHuman protocol: /);
    }
  });

  it.each([
    ['not json', '{oops'],
    ['no version', '{"type":"hello"}'],
    ['bad version', '{"v":"one","type":"hello"}'],
    ['array', '[1,2]'],
    ['null', 'null'],
    ['too deep', `{"v":"1.0","type":"hello","x":${'['.repeat(20)}${']'.repeat(20)}}`],
  ])('refuses %s as malformed', (_, input) => {
    expectCode(input, 'agent', 'malformed');
  });

  it('refuses invalid UTF-8 bytes as malformed', () => {
    expectCode(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 'agent', 'malformed');
  });

  it('refuses unknown types', () => {
    expectCode('{"v":"1.0","type":"ui.hologram"}', 'agent', 'unknown-type');
  });

  it('reports the invalid field path', () => {
    const r = expectCode(
      '{"v":"1.0","type":"emotion.cue","emotion":"happy","intensity":2,"durationMs":1}',
      'agent',
      'invalid',
    );
    if (!r.ok) expect(r.error.path).toBe('intensity');
  });

  it('refuses over 15 KiB on encode (typed) and on decode', () => {
    const big = createMessage('speech.caption', { speaker: 'agent', text: '字'.repeat(3000), final: true });
    // 3000 CJK chars = 9000 bytes: fits. Five such cards would not: use many products instead.
    expect(() => encode(big)).not.toThrow();
    const products = Array.from({ length: 16 }, (_, i) => ({
      productId: `p${i}`,
      name: '理'.repeat(200),
      riskLevel: 'R2' as const,
      description: '财'.repeat(400),
    }));
    const huge = createMessage('ui.products', { products });
    let error: unknown;
    try {
      encode(huge);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as ProtocolError).code).toBe('too-large');
    expect((error as ProtocolError).message).toContain('stream');
    expectCode(JSON.stringify(huge), 'agent', 'too-large');
    expectCode(new Uint8Array(Limits.maxReliableBytes + 1).fill(0x20), 'agent', 'too-large');
  });

  it('encode refuses invalid messages with a typed error', () => {
    const bad = createMessage('emotion.cue', { emotion: 'happy', intensity: 5, durationMs: 0 });
    expect(() => encode(bad)).toThrow(/intensity/);
  });

  it('counts UTF-8 bytes exactly', () => {
    for (const s of ['', 'abc', 'é', '字', '😀', 'a字😀é']) {
      expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
    }
  });
});
