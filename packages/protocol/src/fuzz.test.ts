import { describe, expect, it } from 'vitest';
import {
  canSend,
  type DecodeResult,
  decode,
  encode,
  exampleMessageList,
  FACE_FRAME_BYTES,
  FACE_FRAME_MAGIC,
  type JsonMessage,
  ProtocolError,
  ProtocolErrorCode,
  ROLES,
  type Role,
  validate,
} from './index';

/** mulberry32: a seeded PRNG so any failure reproduces from the printed seed and iteration. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 0xd161;
const ITERATIONS = 20_000;
const rand = mulberry32(SEED);
const int = (n: number) => Math.floor(rand() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
const CODES = new Set<string>(Object.values(ProtocolErrorCode));
const EXAMPLES = exampleMessageList();
const SENDERS: readonly (Role | null)[] = [...ROLES, null];
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

function randomString(): string {
  const len = pick([0, 1, 5, 64, 65, 200, 4001, 20_000]);
  const alphabet = pick(['abc', '字符串', '<script>', '\u0000\uffff', '\ud800', '😀']);
  return alphabet.repeat(Math.ceil(len / alphabet.length)).slice(0, len);
}

function randomValue(depth: number): unknown {
  switch (int(depth > 3 ? 6 : 8)) {
    case 0:
      return null;
    case 1:
      return pick([0, -1, 1.5, 1e308, -1e308, 2 ** 53, Number.MAX_SAFE_INTEGER]);
    case 2:
      return rand() < 0.5;
    case 3:
    case 4:
      return randomString();
    case 5:
      return pick(['R1', 'R6', 'happy', 'start', 'agent', 'explicit']);
    case 6:
      return Array.from({ length: int(6) }, () => randomValue(depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = int(5); i > 0; i--)
        o[rand() < 0.2 ? pick(HOSTILE_KEYS) : `k${int(9)}`] = randomValue(depth + 1);
      return o;
    }
  }
}

/** Valid message with one top-level field replaced by a value of a different JSON kind: must be refused. */
function wrongKind(m: JsonMessage): string {
  const keys = Object.keys(m).filter((k) => k !== 'v');
  const key = pick(keys);
  const original = (m as Record<string, unknown>)[key];
  const kind = (x: unknown) => (Array.isArray(x) ? 'array' : x === null ? 'null' : typeof x);
  let replacement = randomValue(0);
  while (kind(replacement) === kind(original)) replacement = randomValue(0);
  return JSON.stringify({ ...m, [key]: replacement });
}

function hugeString(m: JsonMessage): string {
  const keys = Object.entries(m)
    .filter(([, x]) => typeof x === 'string')
    .map(([k]) => k);
  return JSON.stringify({ ...m, [pick(keys)]: 'x'.repeat(pick([4001, 16_000, 100_000])) });
}

function deepNesting(m: JsonMessage): string {
  const depth = pick([9, 50, 1000, 100_000]);
  const open = rand() < 0.5 ? '[' : '{"a":';
  const close = open === '[' ? ']' : '}';
  return `${JSON.stringify(m).slice(0, -1)},"deep":${open.repeat(depth)}1${close.repeat(depth)}}`;
}

function wrongVersion(m: JsonMessage): string {
  return JSON.stringify({ ...m, v: pick(['2.0', '0.9', '10.1', 1, '1', '1.0.0', '', null, 'v1.0']) });
}

/** Each generator returns the input and whether it is certainly invalid for the sender. */
type Case = { input: string | Uint8Array; sender: Role | null; mustFail: boolean };

const generators: ((i: number) => Case)[] = [
  () => ({
    input: Uint8Array.from({ length: pick([0, 1, 10, 72, 300]) }, () => int(256)),
    sender: pick(SENDERS),
    mustFail: true,
  }),
  () => ({ input: JSON.stringify(randomValue(0)), sender: pick(SENDERS), mustFail: true }),
  () => ({ input: wrongKind(pick(EXAMPLES)), sender: 'operator', mustFail: true }),
  () => ({ input: wrongKind(pick(EXAMPLES)), sender: 'customer', mustFail: true }),
  () => ({ input: hugeString(pick(EXAMPLES)), sender: 'operator', mustFail: true }),
  () => ({ input: deepNesting(pick(EXAMPLES)), sender: 'operator', mustFail: true }),
  () => ({ input: wrongVersion(pick(EXAMPLES)), sender: 'operator', mustFail: true }),
  () => {
    const type = pick([
      'ui.hologram',
      'speech',
      'USER.TEXT',
      'operator.face',
      'toString',
      '__proto__',
      'x'.repeat(60),
    ]);
    return { input: JSON.stringify({ ...pick(EXAMPLES), type }), sender: pick(SENDERS), mustFail: true };
  },
  () => {
    const m = pick(EXAMPLES);
    const forged = pick(SENDERS.filter((r) => !canSend(r, m.type)));
    return { input: encode(m), sender: forged, mustFail: true };
  },
  () => {
    const m = pick(EXAMPLES);
    const fields = Object.fromEntries(Object.entries(randomValue(0) ?? {}));
    return {
      input: JSON.stringify({ ...fields, v: '1.0', type: m.type }),
      sender: 'operator',
      mustFail: false,
    };
  },
  () => {
    const key = pick(HOSTILE_KEYS);
    const text = JSON.stringify(pick(EXAMPLES));
    const value = pick(['{"polluted":true,"v":"9.9"}', '{"prototype":{"polluted":true}}', '"polluted"']);
    const injected = `{"${key}":${value},${text.slice(1)}`;
    return { input: injected, sender: 'operator', mustFail: false };
  },
  () => {
    const payload = `{"${pick(HOSTILE_KEYS.slice(0, 3))}":{"polluted":true}}`;
    const input = `{"v":"1.0","type":"user.action","id":"a1","kind":"tap","payload":${payload}}`;
    return { input, sender: 'customer', mustFail: true };
  },
  () => {
    const bytes = Uint8Array.from({ length: pick([FACE_FRAME_BYTES, FACE_FRAME_BYTES - 1, 200]) }, () =>
      int(256),
    );
    bytes[0] = FACE_FRAME_MAGIC;
    const validShape = bytes.length === FACE_FRAME_BYTES && bytes[1]! >>> 4 === 1;
    const sender = pick(SENDERS);
    return { input: bytes, sender, mustFail: !validShape || sender !== 'operator' };
  },
];

function checkResult(r: DecodeResult, c: Case, i: number): void {
  const where = `seed ${SEED} iteration ${i}`;
  if (c.mustFail) expect(r.ok, where).toBe(false);
  if (!r.ok) {
    expect(r.error, where).toBeInstanceOf(ProtocolError);
    expect(CODES.has(r.error.code), where).toBe(true);
    return;
  }
  const m = r.message;
  expect(Object.getPrototypeOf(m), where).toBe(Object.prototype);
  for (const k of HOSTILE_KEYS.slice(0, 3)) expect(Object.hasOwn(m, k), where).toBe(false);
  if (m.type !== 'operator.face') expect(() => validate(m), where).not.toThrow();
}

describe('protocol fuzz', () => {
  it(`decode never throws, never accepts invalid input, never pollutes prototypes (${ITERATIONS} cases)`, () => {
    const tally = new Map<string, number>();
    let decodeMs = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      const c = pick(generators)(i);
      let r: DecodeResult | undefined;
      const t0 = performance.now();
      try {
        r = decode(c.input, c.sender);
        decodeMs += performance.now() - t0;
      } catch (e) {
        throw new Error(`decode threw at seed ${SEED} iteration ${i}`, { cause: e });
      }
      checkResult(r, c, i);
      const key = r.ok ? 'ok' : r.error.code;
      tally.set(key, (tally.get(key) ?? 0) + 1);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    // Every refusal code is exercised, so the fuzzer reaches every branch of the decoder.
    for (const code of CODES) expect(tally.get(code) ?? 0, code).toBeGreaterThan(0);
    console.info('fuzz outcome tally', Object.fromEntries(tally), `decode total ${decodeMs.toFixed(0)} ms`);
  }, 60_000);
});
