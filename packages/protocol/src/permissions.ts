import { FACE_FRAME_TYPE, type MessageType } from './messages/registry';
import { isRole, type Role } from './roles';

/** What a customer's browser may send. */
const CUSTOMER: readonly MessageType[] = ['hello', 'ack', 'user.action', 'user.text', 'user.sentiment'];

/** What the dialog service may send. */
const AGENT: readonly MessageType[] = [
  'hello',
  'ack',
  'speech.start',
  'speech.end',
  'speech.visemes',
  'speech.caption',
  'speech.transcript',
  'emotion.cue',
  'dialog.state',
  'ui.card',
  'ui.cards',
  'ui.form',
  'ui.disclosure',
  'ui.queue_ticket',
  'ui.survey',
  'ui.quick_replies',
  'ui.products',
  'handoff.request',
  'handoff.state',
  'handoff.assist',
];

/** An operator may send everything the agent may, plus take-over, hand-back and face frames. */
const OPERATOR: readonly MessageType[] = [
  ...AGENT,
  'handoff.take_over',
  'handoff.hand_back',
  FACE_FRAME_TYPE,
];

/**
 * Which role may send which message type. The role is read from server-set participant attributes by the
 * transport and passed to `decode`; it is never taken from the message.
 */
export const PERMISSIONS: Readonly<Record<Role, ReadonlySet<MessageType>>> = {
  customer: new Set(CUSTOMER),
  agent: new Set(AGENT),
  operator: new Set(OPERATOR),
};

/** True when a sender with `role` may send `type`. A sender without a known role may send nothing. */
export function canSend(role: Role | null | undefined, type: MessageType): boolean {
  return isRole(role) && PERMISSIONS[role].has(type);
}
