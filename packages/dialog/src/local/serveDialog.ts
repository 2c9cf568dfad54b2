import { decode } from '@digital-human/protocol';
import { DialogEngine, type DialogEngineOptions } from '../DialogEngine';
import { createBusinessFlows } from '../flows/businessFlows';
import type { DialogLanguage } from '../language';
import type { SayRequest } from '../TurnWriter';
import { EspeakSynthesizer } from '../tts/EspeakSynthesizer';
import type { HostReply, HostRequest } from './hostMessages';
import { synthesizeSpeech } from './synthesizeSpeech';

/** The two ends the dialog side runs on: a worker's global scope or a `MessagePort` (same thread). */
export interface DialogScope {
  postMessage(message: HostReply, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/**
 * Runs the reference dialog engine and the dev synthesiser behind `scope`: requests come in as
 * {@link HostRequest}, outputs go back as {@link HostReply} (protocol messages encoded as text, speech as PCM with
 * viseme cues, or `say` when espeak-ng cannot load here). Used by `dialog.worker.ts` and, without workers, on a
 * `MessageChannel` in the page. Returns a function that disposes the engine and synthesiser.
 */
export function serveDialog(scope: DialogScope, engineOptions: DialogEngineOptions = {}): () => void {
  let engine: DialogEngine | undefined;
  let synth: Promise<EspeakSynthesizer | null> = Promise.resolve(null);
  const post = (reply: HostReply, transfer: Transferable[] = []) => scope.postMessage(reply, transfer);
  // Speech is synthesised in order, after the synthesiser loaded (the greeting may wait for it).
  let speechQueue: Promise<void> = Promise.resolve();
  const speak = (say: SayRequest) => {
    speechQueue = speechQueue.then(async () => {
      const tts = await synth;
      if (!tts) return post({ kind: 'say', ...say });
      try {
        const reply = synthesizeSpeech(tts, say);
        post(reply, [reply.samples.buffer]);
      } catch (e) {
        post({ kind: 'warning', message: `synthesis failed: ${String(e)}` });
        post({ kind: 'say', ...say });
      }
    });
  };

  const start = (language: DialogLanguage, espeakData: string | undefined, businessFlows: boolean) => {
    engine?.dispose();
    const flows = businessFlows ? { flows: createBusinessFlows() } : {};
    engine = new DialogEngine({ ...engineOptions, ...flows, language });
    engine.on('output', (o) => {
      if (o.kind === 'say') speak(o.say);
      else post({ kind: 'message', text: JSON.stringify(o.message) });
    });
    engine.on('warning', (e) => post({ kind: 'warning', message: e.message }));
    synth = EspeakSynthesizer.create(espeakData === undefined ? {} : { data: espeakData }).catch((e) => {
      post({ kind: 'warning', message: `espeak-ng did not load here: ${String(e)}` });
      return null;
    });
  };

  scope.addEventListener('message', (event: MessageEvent) => {
    const request = event.data as HostRequest;
    if (request.kind === 'init')
      return start(request.language, request.espeakData, request.businessFlows === true);
    if (!engine) return;
    if (request.kind === 'speech-ended') {
      engine.speechEnded();
      return;
    }
    // The page validated it already; decode again as the customer's message (this side trusts nothing either).
    const decoded = decode(request.text, 'customer');
    if (decoded.ok) void engine.handle(decoded.message).catch(() => undefined);
    else post({ kind: 'warning', message: decoded.error.message });
  });

  return () => {
    engine?.dispose();
    void synth.then((tts) => tts?.dispose());
  };
}
