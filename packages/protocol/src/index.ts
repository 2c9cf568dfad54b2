/**
 * `@digital-human/protocol`: the wire between browser, dialog service and operator. Versioned message types,
 * a dependency-free runtime validator, sender roles and permissions, size limits, and the binary operator
 * face-frame codec.
 *
 * Security note: every string in a decoded message is untrusted plain text. UIs must render it as text
 * (textContent / React children), never as HTML.
 * @packageDocumentation
 */
export type { DecodeResult, FaceFrameMessage, Message } from './codec';
export {
  createMessage,
  decode,
  decodeFaceFrameFrom,
  encode,
  encodeText,
  utf8Length,
  validate,
} from './codec';
export type { OperatorFaceFrame } from './faceFrameCodec';
export {
  createOperatorFaceFrame,
  decodeFaceFrameInto,
  encodeFaceFrame,
  FACE_BLENDSHAPE_COUNT,
  FACE_FRAME_BYTES,
  FACE_FRAME_MAGIC,
  isFaceFrameBytes,
} from './faceFrameCodec';
export { Limits } from './limits';
export type { PlaybackFinishedPayload, PlaybackFinishedResult } from './livekitPayloads';
export { decodePlaybackFinished, encodePlaybackFinished, playbackFinishedSchema } from './livekitPayloads';
export { CONTROLLERS, DIALOG_STATES, EMOTION_NAMES, HANDOFF_REASONS } from './messages/control';
export { exampleMessageList, exampleMessages } from './messages/examples';
export type { JsonMessage, JsonMessageType, MessageOf, MessageType } from './messages/registry';
export { FACE_FRAME_TYPE, isJsonMessageType, JSON_MESSAGE_TYPES, MESSAGE_SCHEMAS } from './messages/registry';
export { SPEAKERS, SPEECH_AUDIO, VISEME_NAMES } from './messages/speech';
export { FORM_FIELD_KINDS, RISK_LEVELS } from './messages/ui';
export { SENTIMENT_LABELS } from './messages/user';
export type { ProtocolDecoderEvents, Sender } from './ProtocolDecoder';
export { ProtocolDecoder } from './ProtocolDecoder';
export type { ProtocolErrorDetails } from './ProtocolError';
export { ProtocolError, ProtocolErrorCode } from './ProtocolError';
export { canSend, PERMISSIONS } from './permissions';
export { isRole, ROLE_ATTRIBUTE, ROLES, Role, roleFromAttributes } from './roles';
export type {
  ArrayOptions,
  CheckContext,
  Infer,
  InferShape,
  NumberOptions,
  ObjectOptions,
  RecordOptions,
  Schema,
  Shape,
  StringOptions,
} from './schemaIndex';
export {
  array,
  boolean,
  createContext,
  enumOf,
  fail,
  INVALID,
  isPlainObject,
  literal,
  number,
  object,
  optional,
  record,
  refine,
  string,
  union,
} from './schemaIndex';
export type { LiveKitAvatarName } from './Topic';
export { LiveKitAvatar, Topic, topicFor } from './Topic';
export type {
  Transport,
  TransportConnectionChange,
  TransportEventSource,
  TransportEvents,
  TransportPhase,
  TransportRejection,
  TransportSpeechFinished,
  TransportSpeechStarted,
  TransportVisemeCue,
} from './Transport';
export type { ProtocolVersion } from './version';
export {
  isVersionSupported,
  PROTOCOL_MAJOR,
  PROTOCOL_MINOR,
  PROTOCOL_VERSION,
  parseVersion,
} from './version';
