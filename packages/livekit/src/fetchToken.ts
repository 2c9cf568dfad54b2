import { LiveKitTransportError } from './LiveKitTransportError';

/** What the bank's token endpoint returns: the LiveKit server URL and a room-join token for this customer. */
export interface RoomCredentials {
  /** wss://... (ws:// on 127.0.0.1 in dev). */
  readonly url: string;
  /** A JWT minted server-side; the participant's role is in its attributes. */
  readonly token: string;
}

/** How to call the token endpoint. */
export interface FetchTokenOptions {
  /** JSON body POSTed to the endpoint (e.g. the flow or branch); the server decides identity and role. */
  readonly body?: Readonly<Record<string, unknown>>;
  /** Extra request headers (e.g. the app's session header). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Send cookies (`credentials: 'include'`) for a cross-origin endpoint. Default: same-origin only. */
  readonly includeCredentials?: boolean;
  /** Cancels the request. */
  readonly signal?: AbortSignal;
  /** The fetch to use (tests, WebView bridges). Default: the global `fetch`. */
  readonly fetch?: typeof fetch;
}

/**
 * POSTs to the bank's token endpoint and returns `{url, token}`. No API key or secret ever reaches the browser:
 * the endpoint authenticates the customer's session and mints the token server-side.
 * @throws {@link LiveKitTransportError} `token_failed` on network errors, non-2xx answers or a bad body.
 */
export async function fetchToken(
  endpoint: string,
  options: FetchTokenOptions = {},
): Promise<RoomCredentials> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  let response: Response;
  try {
    response = await doFetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: JSON.stringify(options.body ?? {}),
      credentials: options.includeCredentials ? 'include' : 'same-origin',
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (cause) {
    throw LiveKitTransportError.tokenFailed(`token endpoint ${endpoint} is unreachable`, cause);
  }
  if (!response.ok) {
    throw LiveKitTransportError.tokenFailed(`token endpoint ${endpoint} answered ${response.status}`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    throw LiveKitTransportError.tokenFailed(`token endpoint ${endpoint} did not answer JSON`, cause);
  }
  return parseCredentials(body, endpoint);
}

/** Checks that `body` is `{url: 'ws(s)://...', token: '...'}`. */
export function parseCredentials(body: unknown, endpoint = 'token endpoint'): RoomCredentials {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const { url, token } = record;
  if (typeof url !== 'string' || !/^wss?:\/\//.test(url)) {
    throw LiveKitTransportError.tokenFailed(`${endpoint} answered without a ws:// or wss:// "url"`);
  }
  if (typeof token !== 'string' || token.length === 0 || token.length > 8192) {
    throw LiveKitTransportError.tokenFailed(`${endpoint} answered without a usable "token"`);
  }
  return { url, token };
}
