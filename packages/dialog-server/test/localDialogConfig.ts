import type { DialogServerConfig } from '../src';

/** What the config needs from a livekit-server started by `scripts/livekit/server.mjs`. */
export interface LocalLiveKit {
  readonly url: string;
  readonly apiKey: string;
  readonly apiSecret: string;
}

/**
 * The dialog service's config for tests and benches on 127.0.0.1: agents and browsers both use `livekit.url`, the
 * token endpoint takes any free port, and no operator secret is set (no operator tokens).
 */
export function localDialogConfig(livekit: LocalLiveKit): DialogServerConfig {
  return {
    livekitUrl: livekit.url,
    publicUrl: livekit.url,
    apiKey: livekit.apiKey,
    apiSecret: livekit.apiSecret,
    operatorSecret: undefined,
    host: '127.0.0.1',
    port: 0,
  };
}

/** What the dialog service's token endpoint answers. */
export interface DialogToken {
  readonly url: string;
  readonly token: string;
  readonly room: string;
}

/** Asks the dialog service at `dialogUrl` for a token (`POST /api/dh/token` with `body`), as a page's server would. */
export async function fetchDialogToken(
  dialogUrl: string,
  body: Record<string, unknown>,
): Promise<DialogToken> {
  const answer = await fetch(`${dialogUrl}/api/dh/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!answer.ok) throw new Error(`token endpoint answered ${answer.status}`);
  return (await answer.json()) as DialogToken;
}
