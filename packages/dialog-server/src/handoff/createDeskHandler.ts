import type { IncomingMessage, ServerResponse } from 'node:http';
import { isPlainObject } from '@digital-human/protocol';
import { type ApiCredentials, mintToken } from '../token/mintToken';
import { DeskFeed } from './DeskFeed';
import type { DeskAuthenticator } from './deskAuth';
import type { HandoffDesk } from './HandoffDesk';
import { HandoffError } from './HandoffError';
import type { AwayMode, OperatorProfile } from './handoffTypes';

/** The path prefix the desk answers on by default. */
export const DESK_PATH = '/api/dh/desk';

/** Options of {@link createDeskHandler}. */
export interface DeskHandlerOptions {
  readonly desk: HandoffDesk;
  /** Who the request comes from (see `operatorSecretAuth`). */
  readonly authenticate: DeskAuthenticator;
  /** Credentials to mint operator room tokens (from the server's config, never a request). */
  readonly credentials: ApiCredentials;
  /** The LiveKit URL handed to the console. */
  readonly livekitUrl: string;
  /** Path prefix (default {@link DESK_PATH}). */
  readonly path?: string;
}

/** A `node:http` handler; as middleware it calls `next()` for other paths. */
export type DeskRequestHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

const MAX_BODY = 1024;

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let raw = '';
  for await (const chunk of req) {
    raw += String(chunk);
    if (raw.length > MAX_BODY) throw HandoffError.badRequest('the body is too large');
  }
  let parsed: unknown;
  try {
    parsed = raw.trim() === '' ? {} : JSON.parse(raw);
  } catch {
    throw HandoffError.badRequest('the body is not JSON');
  }
  if (!isPlainObject(parsed)) throw HandoffError.badRequest('the body must be a JSON object');
  return parsed;
}

const awayMode = (v: unknown): AwayMode => {
  if (v === 'hold' || v === 'ai') return v;
  throw HandoffError.badRequest('"mode" must be "hold" or "ai"');
};
const roomOf = (body: Record<string, unknown>): string => {
  if (typeof body.room !== 'string' || body.room.length > 64)
    throw HandoffError.badRequest('"room" is missing');
  return body.room;
};

const STATUS: Readonly<Record<string, number>> = {
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  capacity: 409,
  'bad-request': 400,
};

/**
 * The operator desk over HTTP, for the operator console:
 * - `GET {path}/feed`: server-sent events `view`, `assist`, `security` (see `DeskFeed`); the operator is online
 *   while it is open;
 * - `POST {path}/join` `{room}`: an operator token (`dh.role: operator`, the operator's own identity) for a room on
 *   the desk, to take over there;
 * - `POST {path}/away` `{mode}`: what the live session does when the operator switches (`hold` or `ai`);
 * - `POST {path}/park` `{room, mode}`: leave the live session without switching.
 * Every request must pass `authenticate` (401 otherwise). Take over and hand back are not here: they are protocol
 * messages the operator sends in the room, obeyed from operator-role participants only.
 */
export function createDeskHandler(options: DeskHandlerOptions): DeskRequestHandler {
  const base = options.path ?? DESK_PATH;
  const { desk } = options;

  const routes: Record<string, (op: OperatorProfile, body: Record<string, unknown>) => Promise<unknown>> = {
    'POST /join': async (op, body) => {
      const room = roomOf(body);
      desk.ticket(room); // throws not-found for rooms that are not on the desk
      const token = await mintToken(options.credentials, room, op.id, 'operator');
      return { url: options.livekitUrl, token, room, identity: op.id };
    },
    'POST /away': async (op, body) => {
      desk.setAwayMode(op.id, awayMode(body.mode));
      return { ok: true };
    },
    'POST /park': async (op, body) => {
      await desk.park(roomOf(body), op.id, awayMode(body.mode));
      return { ok: true };
    },
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, route: string) => {
    const operator = options.authenticate(req);
    if (!operator) return reply(res, 401, { error: 'operator credentials required' });
    if (route === 'GET /feed') {
      new DeskFeed(desk, operator, res);
      return;
    }
    const run = routes[route];
    if (!run) return reply(res, 404, { error: 'not found' });
    try {
      reply(res, 200, await run(operator, await readJson(req)));
    } catch (e) {
      if (e instanceof HandoffError)
        return reply(res, STATUS[e.code] ?? 400, { error: e.message, code: e.code });
      reply(res, 500, { error: 'the desk failed' });
    }
  };

  return (req, res, next) => {
    const url = req.url?.split('?')[0] ?? '';
    if (!url.startsWith(`${base}/`)) {
      if (next) return next();
      return reply(res, 404, { error: 'not found' });
    }
    void handle(req, res, `${req.method ?? 'GET'} ${url.slice(base.length)}`);
  };
}
