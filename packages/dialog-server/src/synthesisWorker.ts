// The dev synthesiser on its own thread: espeak-ng synthesises synchronously, and on the service's main thread it
// would hold up every session's acks, RPCs and audio streams while it works. Started by `WorkerSynthesis`.
import { parentPort } from 'node:worker_threads';
import { espeakSynthesis } from '@digital-human/dialog/local';
import type { SynthesisReply, SynthesisRequest } from './WorkerSynthesis';

const port = parentPort;
if (!port) throw new Error('DigitalHuman dialog-server: synthesisWorker runs as a worker thread only');
const synthesis = espeakSynthesis();

port.on('message', async ({ id, say }: SynthesisRequest) => {
  let reply: SynthesisReply;
  try {
    const utterance = await (await synthesis).synthesize(say);
    reply = { id, utterance };
    port.postMessage(reply, [utterance.samples.buffer as ArrayBuffer]);
  } catch (e) {
    reply = { id, error: e instanceof Error ? e.message : String(e) };
    port.postMessage(reply);
  }
});
