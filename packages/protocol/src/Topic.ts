import { FACE_FRAME_TYPE, type MessageType } from './messages/registry';

/** Our data topics (LiveKit data packet / text stream topics). */
export const Topic = {
  /** Session control: hello, ack. */
  control: 'dh.control',
  /** speech.* (start/end, viseme cues, captions, transcripts). */
  speech: 'dh.speech',
  /** emotion.cue. */
  emotion: 'dh.emotion',
  /** dialog.state. */
  dialog: 'dh.dialog',
  /** ui.* messages. */
  ui: 'dh.ui',
  /** handoff.* control. */
  handoff: 'dh.handoff',
  /** Binary operator face frames (lossy). */
  face: 'dh.face',
  /** user.* messages from the browser. */
  user: 'dh.user',
} as const;
/** One of the {@link Topic} values. */
export type Topic = (typeof Topic)[keyof typeof Topic];

/**
 * Names of the LiveKit Agents avatar convention, so any LiveKit agent can drive the avatar: PCM on the byte stream
 * `lk.audio_stream`, RPC `lk.clear_buffer` to interrupt, our RPCs `lk.playback_started` / `lk.playback_finished`
 * back, transcripts on the text stream topic `lk.transcription`.
 */
export const LiveKitAvatar = {
  audioStream: 'lk.audio_stream',
  clearBuffer: 'lk.clear_buffer',
  playbackStarted: 'lk.playback_started',
  playbackFinished: 'lk.playback_finished',
  transcription: 'lk.transcription',
  /** Participant attribute: the avatar publishes its tracks on behalf of this identity (the agent). */
  publishOnBehalf: 'lk.publish_on_behalf',
} as const;
/** One of the {@link LiveKitAvatar} names. */
export type LiveKitAvatarName = (typeof LiveKitAvatar)[keyof typeof LiveKitAvatar];

/** The topic a message type travels on. */
export function topicFor(type: MessageType): Topic {
  if (type === FACE_FRAME_TYPE) return Topic.face;
  if (type === 'hello' || type === 'ack') return Topic.control;
  const family = type.slice(0, type.indexOf('.'));
  switch (family) {
    case 'speech':
      return Topic.speech;
    case 'emotion':
      return Topic.emotion;
    case 'dialog':
      return Topic.dialog;
    case 'ui':
      return Topic.ui;
    case 'handoff':
      return Topic.handoff;
    default:
      return Topic.user;
  }
}
