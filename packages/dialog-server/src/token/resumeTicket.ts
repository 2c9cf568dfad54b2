import { createHmac, timingSafeEqual } from 'node:crypto';

/** Where a resume ticket leads back to. */
export interface ResumeTarget {
  readonly room: string;
  readonly identity: string;
}

const SEPARATOR = '~';

const sign = (secret: string, body: string) =>
  createHmac('sha256', secret).update(`dh-resume:${body}`).digest('base64url');

/**
 * Issues an opaque resume ticket for a customer's room and identity, valid until `expiresAtMs`: signed with the
 * server's secret, so a browser can come back to its own session and to no other.
 */
export function issueResumeTicket(secret: string, target: ResumeTarget, expiresAtMs: number): string {
  const body = [target.room, target.identity, String(Math.floor(expiresAtMs))].join(SEPARATOR);
  return `${body}${SEPARATOR}${sign(secret, body)}`;
}

/** Checks a resume ticket's signature and expiry; returns where it leads, or null. Never throws. */
export function readResumeTicket(secret: string, ticket: string, nowMs: number): ResumeTarget | null {
  const parts = ticket.split(SEPARATOR);
  if (parts.length !== 4) return null;
  const [room, identity, expires, signature] = parts as [string, string, string, string];
  const expected = Buffer.from(sign(secret, [room, identity, expires].join(SEPARATOR)));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (!(Number(expires) > nowMs)) return null;
  return { room, identity };
}
