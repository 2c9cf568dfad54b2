import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DialogServerConfig } from './config';
import { DialogService, type DialogServiceOptions } from './DialogService';

/** A {@link DialogService} with the LiveKit settings of `config`, then `options` on top. */
export function createConfiguredService(
  config: DialogServerConfig,
  options: Partial<DialogServiceOptions> = {},
): DialogService {
  return new DialogService({
    livekitUrl: config.livekitUrl,
    publicUrl: config.publicUrl,
    apiKey: config.apiKey,
    apiSecret: config.apiSecret,
    operatorSecret: config.operatorSecret,
    ...options,
  });
}

/** Listens on `config.host`/`config.port` (0 = any free port); resolves with `http://host:port`. */
export async function listenHttp(server: Server, config: DialogServerConfig): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return `http://${config.host}:${port}`;
}

/** Ends every session of `service`, then closes `server` (open connections included). */
export async function closeServiceAndServer(service: DialogService, server: Server): Promise<void> {
  await service.dispose();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
