import {
  decode,
  encode,
  type JsonMessage,
  type Message,
  roleFromAttributes,
  Topic,
  topicFor,
} from '@digital-human/protocol';
import type { CodecResult, MessageCodec, ParticipantRole } from './MessageCodec';

/**
 * Every `dh.*` topic except binary face frames, which arrive as lossy packets on their own topic and are read by
 * `OperatorFrames` (allocation-free, operator role only) rather than decoded into a new message per packet here.
 */
const TOPICS: readonly string[] = Object.values(Topic).filter((topic) => topic !== Topic.face);

/**
 * The default {@link MessageCodec}: `@digital-human/protocol`'s versioned messages, size limits and role
 * permissions (e.g. `ui.*` only from agent/operator, face frames only from an operator).
 */
export const protocolCodec: MessageCodec<Message, JsonMessage> = {
  topics: TOPICS,
  roleFromAttributes(attributes) {
    return roleFromAttributes(attributes);
  },
  decode(payload, role: ParticipantRole | null): CodecResult<Message> {
    const result = decode(payload, role);
    if (result.ok) return result;
    const { error } = result;
    return {
      ok: false,
      code: error.code,
      error,
      upgradeNeeded: error.upgradeNeeded,
      forbidden: error.code === 'forbidden-sender',
    };
  },
  encode(message) {
    return { topic: topicFor(message.type), payload: encode(message) };
  },
};
