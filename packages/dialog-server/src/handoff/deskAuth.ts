import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { OperatorProfile } from './handoffTypes';

/** Decides who an operator-desk request comes from; null refuses it (401). A bank puts its SSO here. */
export type DeskAuthenticator = (req: IncomingMessage) => OperatorProfile | null;

/** Operator ids: what a participant identity may hold. */
const OPERATOR_ID = /^[A-Za-z0-9._:-]{1,48}$/;
const SKILL = /^[A-Za-z0-9_-]{1,32}$/;
const digest = (s: string) => createHash('sha256').update(s).digest();

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
}

/**
 * The dev authenticator: `Authorization: Bearer <operator secret>` (compared in constant time) and the operator's
 * id in `X-DH-Operator`, optional skills in `X-DH-Skills` (comma-separated; the bank's configured profile wins).
 * Without a configured secret every request is refused. Production desks authenticate operators with the bank's
 * own sign-on instead.
 */
export function operatorSecretAuth(operatorSecret: string | undefined): DeskAuthenticator {
  const expected = operatorSecret ? digest(operatorSecret) : undefined;
  return (req) => {
    const auth = header(req, 'authorization');
    if (!expected || !auth?.startsWith('Bearer ')) return null;
    if (!timingSafeEqual(digest(auth.slice(7)), expected)) return null;
    const id = header(req, 'x-dh-operator');
    if (!id || !OPERATOR_ID.test(id)) return null;
    const skills = (header(req, 'x-dh-skills') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => SKILL.test(s))
      .slice(0, 16);
    return { id, skills };
  };
}
