/**
 * `@digital-human/livekit`: the browser's LiveKit transport for the Digital Human SDK. Framework-free;
 * livekit-client is a peer dependency loaded lazily on `connect()`.
 * @packageDocumentation
 */
export type { AckOutboxOptions, OutboxPublish } from './AckOutbox';
export { AckOutbox } from './AckOutbox';
export type { LevelTap } from './AnalyserLevelTap';
export { AnalyserLevelTap } from './AnalyserLevelTap';
export type { AvatarAudioCallbacks, AvatarAudioRoom } from './AvatarAudioReceiver';
export { AvatarAudioReceiver, AvatarRpc, UTTERANCE_ID_ATTRIBUTE } from './AvatarAudioReceiver';
export type {
  AvatarTrackCallbacks,
  AvatarTrackReceiverOptions,
  TrackUtterance,
} from './AvatarTrackReceiver';
export { AvatarTrackReceiver } from './AvatarTrackReceiver';
export type { AgentTrackCallbacks } from './bindAgentTracks';
export { AUDIO_TRACK_TOPIC, bindAgentTracks } from './bindAgentTracks';
export type { LiveKitModule, RoomEventCallbacks } from './bindRoomEvents';
export { bindRoomEvents } from './bindRoomEvents';
export type { FetchTokenOptions, RoomCredentials } from './fetchToken';
export { fetchToken, parseCredentials } from './fetchToken';
export { LiveKitTransport } from './LiveKitTransport';
export type { LiveKitTransportErrorCode } from './LiveKitTransportError';
export { LiveKitTransportError } from './LiveKitTransportError';
export type {
  ConnectionChange,
  ConnectionPhase,
  LiveKitTransportEvents,
  RejectedEvent,
  SecurityEvent,
  UtteranceRef,
} from './LiveKitTransportEvents';
export type { LiveKitTransportOptions } from './LiveKitTransportOptions';
export type {
  CodecRejection,
  CodecResult,
  MessageCodec,
  MessageSender,
  ParticipantRole,
} from './MessageCodec';
export type { MessageGateCallbacks } from './MessageGate';
export { MessageGate } from './MessageGate';
export { DEFAULT_MIC_CAPTURE, MicrophoneControl } from './MicrophoneControl';
export type {
  OperatorFrameEvent,
  OperatorFramesDataListener,
  OperatorFramesEvents,
  OperatorFramesOptions,
  OperatorFramesRoom,
} from './OperatorFrames';
export { OperatorFrames } from './OperatorFrames';
export type { OperatorVoiceOptions, OperatorVoiceParticipant } from './OperatorVoice';
export { OperatorVoice } from './OperatorVoice';
export type { OperatorVoiceChainOptions } from './OperatorVoiceChain';
export { OperatorVoiceChain } from './OperatorVoiceChain';
export type { OperatorVoiceLipsyncOptions, VoiceLevelSource } from './OperatorVoiceLipsync';
export { OperatorVoiceLipsync } from './OperatorVoiceLipsync';
export type {
  OperatorVoicePlayerEvents,
  OperatorVoicePlayerOptions,
  OperatorVoicePlayerRoom,
  OperatorVoiceRemoteParticipant,
  OperatorVoiceRemoteTrack,
  OperatorVoiceTrackListener,
} from './OperatorVoicePlayer';
export { OperatorVoicePlayer } from './OperatorVoicePlayer';
export { PITCH_SHIFTER_PROCESSOR, pitchShifterSource, semitonesToRatio } from './operatorVoiceWorklet';
export { MAX_PCM_CHANNELS, PcmDecoder } from './PcmDecoder';
export type {
  PcmStreamPlayerEvents,
  PcmStreamPlayerOptions,
  PlaybackFinished,
  PlaybackStarted,
} from './PcmStreamPlayer';
export { PcmStreamPlayer } from './PcmStreamPlayer';
export { PuppetLink } from './PuppetLink';
export type {
  ControllerSource,
  PuppetLinkEvents,
  PuppetLinkMixer,
  PuppetLinkOptions,
  PuppetLinkRoom,
  PuppetLinkTransport,
} from './PuppetLinkOptions';
export type { PlayoutContext, SynchronizationSourceReader } from './playoutClock';
export {
  contextTimeAtPlayout,
  OPUS_RTP_RATE,
  outputLatencyOf,
  playoutPerfMs,
  rtpDelta,
} from './playoutClock';
export { protocolCodec } from './protocolCodec';
export type { TranscriptionCallbacks } from './TranscriptionReceiver';
export { TranscriptionReceiver, TranscriptionStream } from './TranscriptionReceiver';
