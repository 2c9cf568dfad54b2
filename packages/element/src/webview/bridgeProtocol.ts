import { WebViewBridgeError } from './WebViewBridgeError';

/** The version of the page ⇄ host contract this page speaks (`v` in every message). */
export const BRIDGE_VERSION = 1;
/** Longest host → page message accepted, in characters of its JSON text. */
export const MAX_HOST_MESSAGE_CHARS = 16_384;
/** Most keys in a `setUserContext` payload. */
export const MAX_USER_CONTEXT_KEYS = 16;
/** Longest `setUserContext` string value. */
export const MAX_USER_CONTEXT_VALUE = 256;

/** A flat map of customer facts from the host (ids, segment, locale...), never nested. */
export type UserContext = Readonly<Record<string, string | number | boolean>>;

/** Host → page messages of bridge version 1. `id` is optional; errors about a message carry it as `replyTo`. */
export type HostMessage =
  | {
      readonly v: 1;
      readonly type: 'start';
      readonly id?: string;
      readonly payload: { readonly flow?: string };
    }
  | { readonly v: 1; readonly type: 'stop'; readonly id?: string }
  | { readonly v: 1; readonly type: 'setUserContext'; readonly id?: string; readonly payload: UserContext }
  | {
      readonly v: 1;
      readonly type: 'mute';
      readonly id?: string;
      readonly payload: { readonly muted: boolean };
    }
  | {
      readonly v: 1;
      readonly type: 'language';
      readonly id?: string;
      readonly payload: { readonly lang: 'zh-CN' | 'en' };
    };

/** The host → page message types. */
export type HostMessageType = HostMessage['type'];
/** Every host → page type, as the page announces in `ready`. */
export const HOST_MESSAGE_TYPES: readonly HostMessageType[] = [
  'start',
  'stop',
  'setUserContext',
  'mute',
  'language',
];

/** Page → host messages of bridge version 1 (posted as JSON text). */
export type PageMessage =
  | PageEnvelope<'ready', { mode: 'webgl' | 'fallback'; accepts: readonly HostMessageType[] }>
  | PageEnvelope<'error', { source: 'bridge' | 'element'; code: string; message: string; replyTo?: string }>
  | PageEnvelope<'handoffRequested', { reason: string; flow?: string }>
  | PageEnvelope<'flowCompleted', { flow: string }>
  | PageEnvelope<'analytics', { event: string; props: Readonly<Record<string, string | number | boolean>> }>;

/** One page → host message. */
export interface PageEnvelope<T extends string, P> {
  readonly v: typeof BRIDGE_VERSION;
  readonly type: T;
  readonly payload: P;
}

/** The outcome of {@link parseHostMessage}: a valid message, or the error to send back. Never thrown. */
export type HostParseResult =
  | { readonly ok: true; readonly message: HostMessage }
  | { readonly ok: false; readonly error: WebViewBridgeError };

type Fields = Readonly<Record<string, unknown>>;
const isRecord = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,31}$/;

/**
 * Checks one host → page message: a JSON string (or an already-parsed object, as WKWebView may pass), its size,
 * version, type and payload. Returns the typed message or the typed error; never throws.
 */
export function parseHostMessage(raw: unknown): HostParseResult {
  let value: unknown = raw;
  try {
    const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
    if (typeof text !== 'string') return fail(WebViewBridgeError.malformed('the message is empty'));
    if (text.length > MAX_HOST_MESSAGE_CHARS)
      return fail(WebViewBridgeError.tooLarge(text.length, MAX_HOST_MESSAGE_CHARS));
    if (typeof raw === 'string') value = JSON.parse(raw);
  } catch (cause) {
    return fail(WebViewBridgeError.malformed('the message is not JSON', cause));
  }
  if (!isRecord(value) || typeof value.type !== 'string')
    return fail(WebViewBridgeError.malformed('the message must be an object with a string "type"'));
  const id = typeof value.id === 'string' && value.id.length <= 64 ? value.id : undefined;
  if (value.v !== BRIDGE_VERSION)
    return fail(WebViewBridgeError.unsupportedVersion(value.v, BRIDGE_VERSION, id));
  const payload = value.payload === undefined ? {} : value.payload;
  if (!isRecord(payload))
    return fail(WebViewBridgeError.invalidPayload(value.type, 'payload must be an object', id));
  const checked = checkPayload(value.type, payload, id);
  if (checked instanceof WebViewBridgeError) return fail(checked);
  return { ok: true, message: { ...checked, ...(id === undefined ? {} : { id }) } as HostMessage };
}

/** The typed fields of a known type, or the error. */
function checkPayload(type: string, p: Fields, id: string | undefined): Fields | WebViewBridgeError {
  const invalid = (why: string) => WebViewBridgeError.invalidPayload(type, why, id);
  switch (type) {
    case 'start':
      if (p.flow !== undefined && !(typeof p.flow === 'string' && KEY.test(p.flow)))
        return invalid('flow must be a short identifier');
      return { v: 1, type, payload: p.flow === undefined ? {} : { flow: p.flow } };
    case 'stop':
      return { v: 1, type };
    case 'mute':
      if (typeof p.muted !== 'boolean') return invalid('muted must be a boolean');
      return { v: 1, type, payload: { muted: p.muted } };
    case 'language':
      if (p.lang !== 'zh-CN' && p.lang !== 'en') return invalid('lang must be "zh-CN" or "en"');
      return { v: 1, type, payload: { lang: p.lang } };
    case 'setUserContext': {
      const context = checkUserContext(p);
      return typeof context === 'string' ? invalid(context) : { v: 1, type, payload: context };
    }
    default:
      return WebViewBridgeError.unknownType(type, id);
  }
}

/** A flat map of short keys to strings, finite numbers or booleans; or why not. */
function checkUserContext(p: Fields): UserContext | string {
  const entries = Object.entries(p);
  if (entries.length > MAX_USER_CONTEXT_KEYS) return `at most ${MAX_USER_CONTEXT_KEYS} keys`;
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of entries) {
    if (!KEY.test(key)) return `key "${key.slice(0, 40)}" is not a short identifier`;
    const ok =
      (typeof value === 'string' && value.length <= MAX_USER_CONTEXT_VALUE) ||
      (typeof value === 'number' && Number.isFinite(value)) ||
      typeof value === 'boolean';
    if (!ok) return `value of "${key}" must be a string (≤ ${MAX_USER_CONTEXT_VALUE}), a number or a boolean`;
    out[key] = value as string | number | boolean;
  }
  return out;
}

function fail(error: WebViewBridgeError): HostParseResult {
  return { ok: false, error };
}
