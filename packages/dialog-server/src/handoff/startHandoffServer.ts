import { createServer, type Server } from 'node:http';
import type { DialogServerConfig } from '../config';
import type { DialogService, DialogServiceOptions } from '../DialogService';
import { closeServiceAndServer, createConfiguredService, listenHttp } from '../serveHttp';
import { createDeskHandler } from './createDeskHandler';
import { operatorSecretAuth } from './deskAuth';
import { HandoffDesk, type HandoffDeskOptions } from './HandoffDesk';

/** A running dialog service with its handoff desk. */
export interface RunningHandoffServer {
  readonly service: DialogService;
  readonly desk: HandoffDesk;
  readonly server: Server;
  /** http://host:port of the token endpoint and the desk. */
  readonly url: string;
  /** Ends every session, the desk, and closes the HTTP server. */
  close(): Promise<void>;
}

/** Puts every session of `service` on `desk` (the room is the session id); returns the function that stops. */
export function connectDesk(service: DialogService, desk: HandoffDesk): () => void {
  const detach = new Map<string, () => void>();
  const offs = [
    service.events.on('session', ({ room, session }) => {
      detach.get(room)?.();
      detach.set(room, desk.attach(room, room, session));
    }),
    service.events.on('closed', ({ room }) => {
      detach.get(room)?.();
      detach.delete(room);
    }),
  ];
  return () => {
    for (const off of offs) off();
    for (const d of detach.values()) d();
    detach.clear();
  };
}

/**
 * The dialog service with the human handoff: `POST /api/dh/token` (customers and operators) and the operator desk
 * under `/api/dh/desk` (see `createDeskHandler`), on one `node:http` server. Operators authenticate to the desk with
 * the operator secret in dev.
 */
export async function startHandoffServer(
  config: DialogServerConfig,
  options: { readonly service?: Partial<DialogServiceOptions>; readonly desk?: HandoffDeskOptions } = {},
): Promise<RunningHandoffServer> {
  const service = createConfiguredService(config, options.service);
  const desk = new HandoffDesk(options.desk);
  const disconnect = connectDesk(service, desk);
  const deskHandler = createDeskHandler({
    desk,
    authenticate: operatorSecretAuth(config.operatorSecret),
    credentials: { apiKey: config.apiKey, apiSecret: config.apiSecret },
    livekitUrl: config.publicUrl,
  });
  const server = createServer((req, res) => deskHandler(req, res, () => service.tokenHandler(req, res)));
  const url = await listenHttp(server, config);
  const close = async () => {
    disconnect();
    desk.dispose();
    await closeServiceAndServer(service, server);
  };
  return { service, desk, server, url, close };
}
