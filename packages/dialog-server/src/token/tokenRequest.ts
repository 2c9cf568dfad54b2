import { DialogLanguage, toDialogLanguage } from '@digital-human/dialog';
import { isPlainObject } from '@digital-human/protocol';

/** A validated token request body. */
export interface TokenRequest {
  /** Who asks: the bank's customer (default), or an operator (needs the operator secret). */
  readonly role: 'customer' | 'operator';
  /** The customer's preferred dialog language (`zh-CN` default, or `en`). */
  readonly language: DialogLanguage;
  /** A resume ticket from an earlier answer: same room and identity while that session lives. */
  readonly resume: string | undefined;
  /** The room an operator joins. */
  readonly room: string | undefined;
  /** The operator secret (server-to-server or operator console only, never in a customer page). */
  readonly operatorSecret: string | undefined;
}

const KEYS = new Set(['role', 'language', 'resume', 'room', 'operatorSecret']);
/** Room names this service generates. */
export const ROOM_PATTERN = /^dh-[a-z0-9]{8,40}$/;
const LANGUAGE_PATTERN = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

const optionalString = (raw: Record<string, unknown>, key: string, max: number): string | undefined => {
  const v = raw[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v.length === 0 || v.length > max)
    throw new TypeError(`"${key}" must be a string`);
  return v;
};

/**
 * Validates a token request body (`{}` is a customer asking for a new session). Returns the request, or the
 * reason it is refused (the endpoint answers 400 with it). Unknown keys are refused too: the server decides
 * identity, room and role, never the caller.
 */
export function parseTokenRequest(raw: unknown): TokenRequest | string {
  if (!isPlainObject(raw)) return 'the body must be a JSON object';
  for (const key of Object.keys(raw)) if (!KEYS.has(key)) return `unknown field "${key.slice(0, 40)}"`;
  try {
    const role = optionalString(raw, 'role', 16) ?? 'customer';
    if (role !== 'customer' && role !== 'operator') return '"role" must be "customer" or "operator"';
    const language = optionalString(raw, 'language', 35);
    if (language !== undefined && !LANGUAGE_PATTERN.test(language)) return '"language" is not a language tag';
    const room = optionalString(raw, 'room', 64);
    if (room !== undefined && !ROOM_PATTERN.test(room)) return '"room" is not a room of this service';
    if (role === 'operator' && room === undefined) return 'an operator token needs "room"';
    return {
      role,
      language: toDialogLanguage(language, DialogLanguage.zh),
      resume: optionalString(raw, 'resume', 512),
      room,
      operatorSecret: optionalString(raw, 'operatorSecret', 256),
    };
  } catch (e) {
    return (e as Error).message;
  }
}
