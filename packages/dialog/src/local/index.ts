/**
 * `@digital-human/dialog/local`: the embedded default transport. The reference dialog engine in a Web Worker and
 * the dev synthesiser (espeak-ng, GPL: dev and demo only) behind the protocol's `Transport` interface, so the
 * showcase, Storybook and tests talk without a server. {@link SpokenDialog} is the transport-neutral part (engine
 * plus voice) that the dialog service reuses per LiveKit room.
 * @packageDocumentation
 */
export type { HostReply, HostRequest, SpeechReply } from './hostMessages';
export { checkReply } from './hostMessages';
export { LocalTransport, type LocalTransportOptions } from './LocalTransport';
export { LocalTransportError, LocalTransportErrorCode } from './LocalTransportError';
export { SpeechPlayer, type SpeechPlayerCallbacks } from './SpeechPlayer';
export {
  espeakSynthesis,
  type SpeechSynthesis,
  SpokenDialog,
  type SpokenDialogOptions,
  type SpokenDialogSink,
} from './SpokenDialog';
export { type DialogScope, serveDialog } from './serveDialog';
export {
  LOCAL_VOICES,
  type SpokenUtterance,
  synthesizeSpeech,
  synthesizeUtterance,
  toSpeechReply,
} from './synthesizeSpeech';
export { visemeMessages } from './visemeMessages';
