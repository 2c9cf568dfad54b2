import type { JsonMessage, Message, MessageOf, ProtocolError, Sender } from '@digital-human/protocol';
import type { DialogServerError } from './DialogServerError';

/** Who drives the avatar's voice: the AI agent, or nobody from the agent's side while it is suspended. */
export type AgentState = 'active' | 'suspended';

/** One line of what was said while a human drove, handed back to the engine by `resumeAgent`. */
export type HumanTurn = NonNullable<MessageOf<'handoff.hand_back'>['transcript']>[number];

/** An utterance's speech was cut by an interrupt. */
export interface SessionInterrupt {
  /** Utterances stopped (streaming, playing or not yet started). */
  readonly utteranceIds: readonly string[];
  /** Why: a customer message, an explicit interrupt action, `suspendAgent()`, or the customer left. */
  readonly reason: 'customer' | 'suspend' | 'left' | 'api';
}

/**
 * Events of a {@link Session}, one map for its emitter. These are the extension points of the handoff work:
 * `inbound` sees every decoded message in the room with its sender's server-set role (operators' too), `outbound`
 * every message the session sends.
 */
export interface SessionEvents {
  /** A decoded, validated message from anyone in the room (role checked by the protocol), before it is handled. */
  inbound: { readonly message: Message; readonly sender: Sender };
  /** A message the session publishes (`to` undefined: everyone in the room). */
  outbound: { readonly message: JsonMessage; readonly to: readonly string[] | undefined };
  /** A payload refused by validation or for its sender (wrong role, not this session's customer). */
  rejected: { readonly error: ProtocolError | DialogServerError; readonly sender: Sender };
  /** The agent was suspended or resumed. */
  agent: { readonly state: AgentState };
  /** Speech of an utterance started streaming to the customer. */
  speechstreaming: { readonly utteranceId: string; readonly durationMs: number };
  /** The customer's player reported an utterance played out or cut (`lk.playback_finished`). */
  speechfinished: { readonly utteranceId: string; readonly interrupted: boolean; readonly position: number };
  /** Speech was cut. */
  interrupted: SessionInterrupt;
  /** A recoverable failure (a send, the synthesiser, the engine). */
  error: DialogServerError;
}
