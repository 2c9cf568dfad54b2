/**
 * `@digital-human/dialog-server`: the reference dialog service in Node. A token endpoint that gives each customer
 * a room and a role, and an agent per room (`@livekit/rtc-node`) that runs the reference dialog engine with the
 * dev synthesiser, streams speech on `lk.audio_stream` with `speech.visemes`, captions and acks. Server and dev use
 * only (GPL, because of espeak-ng).
 * @packageDocumentation
 */
export { type DialogServerConfig, readDialogServerConfig } from './config';
export { DialogServerError, DialogServerErrorCode } from './DialogServerError';
export { DialogService, type DialogServiceEvents, type DialogServiceOptions } from './DialogService';
export { type AssistFact, assistFacts } from './handoff/assistFacts';
export { ConversationLog, type ConversationLogOptions } from './handoff/ConversationLog';
export {
  createDeskHandler,
  DESK_PATH,
  type DeskHandlerOptions,
  type DeskRequestHandler,
} from './handoff/createDeskHandler';
export { DeskFeed, type DeskView } from './handoff/DeskFeed';
export { DeskSession, type DeskSessionCallbacks, type HandoffSessionPort } from './handoff/DeskSession';
export { type DeskAuthenticator, operatorSecretAuth } from './handoff/deskAuth';
export { HandoffDesk, type HandoffDeskEvents, type HandoffDeskOptions } from './handoff/HandoffDesk';
export { HandoffError, HandoffErrorCode } from './handoff/HandoffError';
export { HandoffStateMachine, type HandoffTransition } from './handoff/HandoffStateMachine';
export type {
  AssistNote,
  AwayMode,
  HandoffPhase,
  HandoffReason,
  HandoffSecurityEvent,
  HandoffTicket,
  OperatorProfile,
  SentimentSummary,
  TranscriptEntry,
} from './handoff/handoffTypes';
export {
  DEFAULT_OPERATOR_CAPACITY,
  type RoutableRequest,
  type RoutingCandidate,
  SkillRouter,
  type SkillRouterOptions,
} from './handoff/SkillRouter';
export { connectDesk, type RunningHandoffServer, startHandoffServer } from './handoff/startHandoffServer';
export { IdempotencyLog } from './IdempotencyLog';
export { RoomLink, type RoomLinkTarget, UTTERANCE_ATTRIBUTE } from './RoomLink';
export { INTERRUPT_ACTION, Session, type SessionOptions } from './Session';
export type { AgentState, HumanTurn, SessionEvents, SessionInterrupt } from './SessionEvents';
export type { AudioStreamHeader, AudioStreamSink, SessionLink } from './SessionLink';
export { SessionMemory } from './SessionMemory';
export { SpeechChannel, type SpeechChannelCallbacks, type SpeechChannelOptions } from './SpeechChannel';
export { type RunningDialogServer, startDialogServer } from './startDialogServer';
export {
  type CustomerGrant,
  createTokenHandler,
  TOKEN_PATH,
  type TokenAnswer,
  type TokenEndpointOptions,
  type TokenRequestHandler,
} from './token/createTokenHandler';
export { type ApiCredentials, grantsFor, mintToken, type ParticipantRoleGrant } from './token/mintToken';
export { issueResumeTicket, type ResumeTarget, readResumeTicket } from './token/resumeTicket';
export { parseTokenRequest, ROOM_PATTERN, type TokenRequest } from './token/tokenRequest';
export { type SynthesisReply, type SynthesisRequest, WorkerSynthesis } from './WorkerSynthesis';
