import { decode } from '@digital-human/protocol';
import type { DialogEngineOptions } from '../DialogEngine';
import type { DialogLanguage } from '../language';
import type { HostReply, HostRequest } from './hostMessages';
import { espeakSynthesis, SpokenDialog } from './SpokenDialog';
import { toSpeechReply } from './synthesizeSpeech';

/** The two ends the dialog side runs on: a worker's global scope or a `MessagePort` (same thread). */
export interface DialogScope {
  postMessage(message: HostReply, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/**
 * Runs the reference dialog engine and the dev synthesiser (a {@link SpokenDialog}) behind `scope`: requests come
 * in as {@link HostRequest}, outputs go back as {@link HostReply} (protocol messages encoded as text, speech as PCM
 * with viseme cues, or `say` when espeak-ng cannot load here). Used by `dialog.worker.ts` and, without workers, on
 * a `MessageChannel` in the page. Returns a function that disposes the engine and synthesiser.
 */
export function serveDialog(scope: DialogScope, engineOptions: DialogEngineOptions = {}): () => void {
  let dialog: SpokenDialog | undefined;
  const post = (reply: HostReply, transfer: Transferable[] = []) => scope.postMessage(reply, transfer);

  const start = (language: DialogLanguage, espeakData: string | undefined, businessFlows: boolean) => {
    dialog?.dispose();
    dialog = new SpokenDialog(
      {
        message: (message) => post({ kind: 'message', text: JSON.stringify(message) }),
        speech: (utterance) => {
          const reply = toSpeechReply(utterance);
          post(reply, [reply.samples.buffer]);
        },
        unspoken: (say) => post({ kind: 'say', ...say }),
        warning: (message) => post({ kind: 'warning', message }),
      },
      { engine: engineOptions, language, businessFlows, synthesis: () => espeakSynthesis(espeakData) },
    );
  };

  scope.addEventListener('message', (event: MessageEvent) => {
    const request = event.data as HostRequest;
    if (request.kind === 'init')
      return start(request.language, request.espeakData, request.businessFlows === true);
    if (!dialog) return;
    if (request.kind === 'speech-ended') {
      dialog.speechEnded();
      return;
    }
    // The page validated it already; decode again as the customer's message (this side trusts nothing either).
    const decoded = decode(request.text, 'customer');
    if (decoded.ok) void dialog.handle(decoded.message);
    else post({ kind: 'warning', message: decoded.error.message });
  });

  return () => dialog?.dispose();
}
