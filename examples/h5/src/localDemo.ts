// Entry of `sdk/local-demo.js`: the local demo transport — the reference dialog engine and the espeak-ng
// synthesiser (GPL) running in the page. Demo and development only: a bank's production page never loads this file
// (it talks to its own dialog service with transport="livekit").

import { LocalTransport } from '@digital-human/dialog/local';
import { registerTransport } from '@digital-human/element';
import espeakData from '@echogarden/espeak-ng-emscripten/espeak-ng.data?url';

/** Registers the `local` transport for `<digital-human transport="local">`; returns the unregister function. */
export function registerLocalDemoTransport(): () => void {
  return registerTransport(
    'local',
    ({ audioContext, language }) =>
      new LocalTransport({ audioContext, language, espeakData, businessFlows: true }),
  );
}
