// The dialog service as a process: `tsx packages/dialog-server/src/main.ts` with LIVEKIT_URL, LIVEKIT_API_KEY,
// LIVEKIT_API_SECRET (and optionally LIVEKIT_PUBLIC_URL, DH_OPERATOR_SECRET, DH_DIALOG_HOST, DH_DIALOG_PORT).
import { dispose as disposeRtcNode } from '@livekit/rtc-node';
import { readDialogServerConfig } from './config';
import { startDialogServer } from './startDialogServer';

const config = readDialogServerConfig(process.env);
const running = await startDialogServer(config);
running.service.events.on('session', ({ room }) =>
  process.stdout.write(`dialog-server: session in ${room}\n`),
);
running.service.events.on('closed', ({ room }) => process.stdout.write(`dialog-server: ${room} closed\n`));
running.service.events.on('error', (e) => process.stderr.write(`${e.message}\n`));
process.stdout.write(`dialog-server: POST ${running.url}/api/dh/token (LiveKit ${config.livekitUrl})\n`);
if (!config.operatorSecret)
  process.stdout.write('dialog-server: no DH_OPERATOR_SECRET, no operator tokens\n');

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  await running.close();
  await disposeRtcNode();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
