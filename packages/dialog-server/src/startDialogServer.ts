import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DialogServerConfig } from './config';
import { DialogService, type DialogServiceOptions } from './DialogService';

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
  const service = new DialogService({
    livekitUrl: config.livekitUrl,
    publicUrl: config.publicUrl,
    apiKey: config.apiKey,
    apiSecret: config.apiSecret,
    operatorSecret: config.operatorSecret,
    ...options,
  });
  const server = createServer((req, res) => service.tokenHandler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const close = async () => {
    await service.dispose();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { service, server, url: `http://${config.host}:${port}`, close };
}
