/**
 * `@digital-human/dialog/local`: the embedded default transport. The reference dialog engine in a Web Worker and
 * the dev synthesiser (espeak-ng, GPL: dev and demo only) behind the protocol's `Transport` interface, so the
 * showcase, Storybook and tests talk without a server.
 * @packageDocumentation
 */
export type { HostReply, HostRequest, SpeechReply } from './hostMessages';
export { checkReply } from './hostMessages';
export { LocalTransport, type LocalTransportOptions } from './LocalTransport';
export { LocalTransportError, LocalTransportErrorCode } from './LocalTransportError';
export { SpeechPlayer, type SpeechPlayerCallbacks } from './SpeechPlayer';
export { type DialogScope, serveDialog } from './serveDialog';
export { LOCAL_VOICES, synthesizeSpeech } from './synthesizeSpeech';
export { visemeMessages } from './visemeMessages';
