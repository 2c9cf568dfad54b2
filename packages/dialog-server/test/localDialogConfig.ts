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
