/**
 * `@digital-human/element`: the `<digital-human>` custom element for H5 pages without React. Transports load
 * lazily: `livekit` is built in; the local demo transport (GPL synthesiser) is registered by the page itself.
 * The native WebView bridge is the subpath `@digital-human/element/webview`.
 * @packageDocumentation
 */
export { DigitalHumanElement } from './DigitalHumanElement';
export {
  DigitalHumanElementError,
  type DigitalHumanElementErrorCode,
} from './DigitalHumanElementError';
export { DIGITAL_HUMAN_TAG, defineDigitalHumanElement } from './defineDigitalHumanElement';
export { ElementSession, type ElementSessionEvents, type ElementStartOptions } from './ElementSession';
export type {
  CaptionDetail,
  ConnectionDetail,
  DetailOf,
  DigitalHumanElementEventMap,
  DigitalHumanElementEventName,
  ErrorDetail,
  FlowCompletedDetail,
  HandoffRequestedDetail,
  ReadyDetail,
} from './elementEvents';
export { FlowWatcher } from './FlowWatcher';
export { defaultAvatarUrl, defaultPortraitUrl, type ElementSettings, readAttributes } from './readAttributes';
export {
  findTransport,
  registerTransport,
  type TransportContext,
  type TransportFactory,
} from './transportRegistry';
