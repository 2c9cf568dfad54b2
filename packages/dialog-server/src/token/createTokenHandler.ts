import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DialogLanguage } from '@digital-human/dialog';
import { DialogServerError } from '../DialogServerError';
import { mintToken, type ParticipantRoleGrant } from './mintToken';
import { issueResumeTicket, readResumeTicket } from './resumeTicket';
import { parseTokenRequest, type TokenRequest } from './tokenRequest';

/** The path the endpoint answers on by default. */
export const TOKEN_PATH = '/api/dh/token';

/** A customer session the endpoint just granted: the service joins its agent to `room` before answering. */
export interface CustomerGrant {
  readonly room: string;
  readonly identity: string;
  readonly language: DialogLanguage;
  /** True when this is a resume of a session that still lives. */
  readonly resumed: boolean;
}

/** Options of {@link createTokenHandler}. API key and secret come from the server's config, never a request. */
export interface TokenEndpointOptions {
  /** The LiveKit URL the browser connects to (`ws://127.0.0.1:7880` in dev, `wss://...` in production). */
  readonly livekitUrl: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  /** Operator tokens need this secret in the body; without it configured, none are issued. */
  readonly operatorSecret?: string | undefined;
  /** Token lifetime, seconds (default 600). */
  readonly ttlSeconds?: number;
  /** How long a resume ticket is valid, seconds (default 1800). */
  readonly resumeSeconds?: number;
  /** Path to answer on (default {@link TOKEN_PATH}). */
  readonly path?: string;
  /** Called before a customer's answer (e.g. the agent joins the room); a rejection answers 503. */
  readonly onCustomer?: (grant: CustomerGrant) => Promise<void>;
  /** Whether a session still lives, so a resume keeps its room (default: never). */
  readonly isLive?: (room: string, identity: string) => boolean;
  /** Whether an operator may join `room` (default: rooms with a live session, via `hasRoom`). */
  readonly hasRoom?: (room: string) => boolean;
  /** Clock, ms (default `Date.now`). */
  readonly now?: () => number;
}

/** A `node:http` request handler; as middleware (connect, Vite) it calls `next()` for other paths. */
export type TokenRequestHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

/** Largest accepted body, bytes. */
const MAX_BODY = 4096;

/** The JSON answer of the endpoint. `url` and `token` are what `LiveKitTransport` needs. */
export interface TokenAnswer {
  readonly url: string;
  readonly token: string;
  readonly room: string;
  readonly identity: string;
  /** Present for customers: send it back as `resume` to rejoin the same session after a reload. */
  readonly resume?: string;
}

const id = (prefix: string) => `${prefix}${randomBytes(8).toString('hex')}`;
const digest = (s: string) => createHash('sha256').update(s).digest();

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
      else if (size - chunk.length <= MAX_BODY) {
        // Answer at once and let the rest drain unread (destroying the socket would lose the answer).
        reject(DialogServerError.badRequest(`the body is larger than ${MAX_BODY} bytes`));
        chunks.length = 0;
      }
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The token endpoint: `POST {path}` with a JSON body ({@link TokenRequest}) answers `{url, token, room, identity,
 * resume?}`. Customers get a server-generated identity, a new room per session (or their old one with a valid
 * resume ticket of a live session) and `dh.role: customer` with minimal grants; operators get `dh.role: operator`
 * only with the configured operator secret. Bad bodies answer 400, refused operators 403, both as `{error}`.
 */
export function createTokenHandler(options: TokenEndpointOptions): TokenRequestHandler {
  if (!options.apiKey || !options.apiSecret)
    throw DialogServerError.config('the token endpoint needs apiKey and apiSecret');
  const path = options.path ?? TOKEN_PATH;
  const now = options.now ?? Date.now;
  const ttl = options.ttlSeconds ?? 600;
  const operatorDigest = options.operatorSecret ? digest(options.operatorSecret) : undefined;

  const token = (room: string, identity: string, role: ParticipantRoleGrant) =>
    mintToken(
      { apiKey: options.apiKey, apiSecret: options.apiSecret, ttlSeconds: ttl },
      room,
      identity,
      role,
    );

  const customer = async (request: TokenRequest): Promise<TokenAnswer> => {
    const back = request.resume ? readResumeTicket(options.apiSecret, request.resume, now()) : null;
    const resumed = back !== null && (options.isLive?.(back.room, back.identity) ?? false);
    const room = resumed && back ? back.room : id('dh-');
    const identity = resumed && back ? back.identity : id('customer-');
    await options.onCustomer?.({ room, identity, language: request.language, resumed });
    const expires = now() + (options.resumeSeconds ?? 1800) * 1000;
    const resume = issueResumeTicket(options.apiSecret, { room, identity }, expires);
    return {
      url: options.livekitUrl,
      token: await token(room, identity, 'customer'),
      room,
      identity,
      resume,
    };
  };

  const operator = async (request: TokenRequest): Promise<TokenAnswer | null> => {
    const given = request.operatorSecret;
    if (!operatorDigest || given === undefined || !timingSafeEqual(digest(given), operatorDigest))
      return null;
    const room = request.room as string;
    if (!(options.hasRoom?.(room) ?? false)) throw DialogServerError.badRequest(`no session in room ${room}`);
    const identity = id('operator-');
    return { url: options.livekitUrl, token: await token(room, identity, 'operator'), room, identity };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    let raw: unknown;
    try {
      const text = await readBody(req);
      raw = text.trim() === '' ? {} : JSON.parse(text);
    } catch (e) {
      res.setHeader('connection', 'close');
      return reply(res, 400, { error: e instanceof DialogServerError ? e.message : 'the body is not JSON' });
    }
    const request = parseTokenRequest(raw);
    if (typeof request === 'string') return reply(res, 400, { error: request });
    try {
      if (request.role === 'customer') return reply(res, 200, await customer(request));
      const answer = await operator(request);
      if (!answer) return reply(res, 403, { error: 'operator tokens need the operator secret' });
      return reply(res, 200, answer);
    } catch (e) {
      if (e instanceof DialogServerError && e.code === 'bad-request')
        return reply(res, 400, { error: e.message });
      return reply(res, 503, { error: 'the dialog service could not start a session' });
    }
  };

  return (req, res, next) => {
    const url = req.url?.split('?')[0];
    if (url !== path) {
      if (next) return next();
      return reply(res, 404, { error: 'not found' });
    }
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return reply(res, 405, { error: 'use POST' });
    }
    void handle(req, res);
  };
}
