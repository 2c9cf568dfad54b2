import { type DecodeResult, decode, type Message } from './codec';
import type { ProtocolError } from './ProtocolError';
import type { Role } from './roles';
import { PROTOCOL_VERSION } from './version';

/** Who sent a message, as the transport knows it. */
export interface Sender {
  /** Participant identity. */
  readonly identity: string;
  /** Role from server-set participant attributes, or null when it has none. */
  readonly role: Role | null;
}

/** Events of a {@link ProtocolDecoder}, one map for the emitter. */
export interface ProtocolDecoderEvents {
  /** A valid message from a sender allowed to send it. */
  message: (message: Message, sender: Sender) => void;
  /** A refused message; 'forbidden-sender' ones are security events the transport should surface. */
  rejected: (error: ProtocolError, sender: Sender) => void;
  /** A peer speaks a protocol major version this build does not understand: show "please upgrade". */
  'upgrade-needed': (info: { remoteVersion: string; localVersion: string; sender: Sender }) => void;
}

type Listeners = { [E in keyof ProtocolDecoderEvents]: Set<ProtocolDecoderEvents[E]> };

/**
 * The transport's receiving side of the protocol: decodes each payload with the sender's role, emits valid
 * messages, rejections and (once per sender) 'upgrade-needed'. Holds only listeners; `dispose()` drops them.
 */
export class ProtocolDecoder {
  private readonly listeners: Listeners = {
    message: new Set(),
    rejected: new Set(),
    'upgrade-needed': new Set(),
  };
  private readonly upgradeReported = new Set<string>();

  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends keyof ProtocolDecoderEvents>(event: E, listener: ProtocolDecoderEvents[E]): () => void {
    const set = this.listeners[event] as Set<ProtocolDecoderEvents[E]>;
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  /** Decodes one payload from `sender`, emits the outcome and returns it. Never throws (listeners' errors aside). */
  receive(payload: Uint8Array | ArrayBuffer | string, sender: Sender): DecodeResult {
    const result = decode(payload, sender.role);
    if (result.ok) {
      for (const l of this.listeners.message) l(result.message, sender);
      return result;
    }
    for (const l of this.listeners.rejected) l(result.error, sender);
    if (result.error.upgradeNeeded && !this.upgradeReported.has(sender.identity)) {
      this.upgradeReported.add(sender.identity);
      const info = {
        remoteVersion: result.error.remoteVersion ?? '',
        localVersion: PROTOCOL_VERSION,
        sender,
      };
      for (const l of this.listeners['upgrade-needed']) l(info);
    }
    return result;
  }

  /** Removes every listener. */
  dispose(): void {
    this.listeners.message.clear();
    this.listeners.rejected.clear();
    this.listeners['upgrade-needed'].clear();
    this.upgradeReported.clear();
  }
}
