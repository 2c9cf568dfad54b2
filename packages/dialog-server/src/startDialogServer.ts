import { createServer, type Server } from 'node:http';
import type { DialogServerConfig } from './config';
import type { DialogService, DialogServiceOptions } from './DialogService';
import { closeServiceAndServer, createConfiguredService, listenHttp } from './serveHttp';

/** A running dialog service with its HTTP server (the token endpoint). */
export interface RunningDialogServer {
  readonly service: DialogService;
  readonly server: Server;
  /** http://host:port of the token endpoint's server. */
  readonly url: string;
  /** Ends every session and closes the HTTP server (call rtc-node's `dispose()` after, at process exit). */
  close(): Promise<void>;
}

/**
 * Starts the dialog service behind a `node:http` server that answers `POST /api/dh/token` (everything else 404).
 * Extra service options (session pacing, absent timeout) may be given in `options`.
 */
export async function startDialogServer(
  config: DialogServerConfig,
  options: Partial<DialogServiceOptions> = {},
): Promise<RunningDialogServer> {
  const service = createConfiguredService(config, options);
  const server = createServer((req, res) => service.tokenHandler(req, res));
  const url = await listenHttp(server, config);
  return { service, server, url, close: () => closeServiceAndServer(service, server) };
}
