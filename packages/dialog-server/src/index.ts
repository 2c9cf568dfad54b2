/**
 * `@digital-human/dialog-server`: the reference dialog service in Node. A token endpoint that gives each customer
 * a room and a role, and an agent per room (`@livekit/rtc-node`) that runs the reference dialog engine with the
 * dev synthesiser, streams speech on `lk.audio_stream` with `speech.visemes`, captions and acks. Server and dev use
 * only (GPL, because of espeak-ng).
 * @packageDocumentation
 */
export { DialogServerError, DialogServerErrorCode } from './DialogServerError';
export { IdempotencyLog } from './IdempotencyLog';
export { INTERRUPT_ACTION, Session, type SessionOptions } from './Session';
export type { AgentState, HumanTurn, SessionEvents, SessionInterrupt } from './SessionEvents';
export type { AudioStreamHeader, AudioStreamSink, SessionLink } from './SessionLink';
export { SessionMemory } from './SessionMemory';
export { SpeechChannel, type SpeechChannelCallbacks, type SpeechChannelOptions } from './SpeechChannel';
