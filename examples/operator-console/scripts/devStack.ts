// The console's dev stack: a loopback livekit-server and the dialog service with its handoff desk on :8787
// (operator secret `dev-operator-secret` unless DH_OPERATOR_SECRET is set). Then `pnpm dev` serves the console.
// `pnpm --filter @digital-human/operator-console serve:stack`
import { startHandoffServer } from '@digital-human/dialog-server';
import { dispose as disposeRtcNode } from '@livekit/rtc-node';
import { startLiveKitServer } from '../../../scripts/livekit/server.mjs';

const operatorSecret = process.env.DH_OPERATOR_SECRET ?? 'dev-operator-secret';
const livekit = await startLiveKitServer();
const running = await startHandoffServer(
  {
    livekitUrl: livekit.url,
    publicUrl: livekit.url,
    apiKey: livekit.apiKey,
    apiSecret: livekit.apiSecret,
    operatorSecret,
    host: '127.0.0.1',
    port: Number(process.env.DH_DIALOG_PORT ?? 8787),
  },
  {
    desk: {
      operators: [
        { id: 'op-001', name: '王敏', skills: ['general', 'soothing', 'complaints'] },
        { id: 'op-002', name: 'Li Wei', skills: ['wealth', 'cards'] },
      ],
    },
  },
);
running.desk.events.on('security', (e) =>
  process.stderr.write(`security: ${e.identity} tried ${e.attempted}\n`),
);
process.stdout.write(
  `livekit ${livekit.url}; dialog-server + desk ${running.url} (operator secret ${operatorSecret})\n`,
);

const shutdown = async () => {
  await running.close();
  await disposeRtcNode();
  await livekit.stop();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
