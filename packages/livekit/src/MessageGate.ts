import type { LiveKitTransportEvents } from './LiveKitTransportEvents';
import type { MessageCodec, MessageSender } from './MessageCodec';

/** Where the gate reports; the transport forwards these to its events. */
export type MessageGateCallbacks<In> = {
  [K in 'message' | 'security' | 'rejected' | 'upgradeneeded']: (
    event: LiveKitTransportEvents<In>[K],
  ) => void;
};

/**
 * The receiving checkpoint: everything from the room passes here first. Only participants whose server-set
 * attributes make them an agent or operator are trusted at all (anything else is dropped with a security event);
 * then the codec validates the payload and checks that the role may send that message type.
 */
export class MessageGate<In> {
  private readonly upgradeReported = new Set<string>();

  constructor(
    private readonly codec: MessageCodec<In, unknown>,
    private readonly callbacks: MessageGateCallbacks<In>,
  ) {}

  /** The sender as the gate sees it: identity and the role from its attributes. */
  senderOf(identity: string, attributes: Readonly<Record<string, string>> | undefined): MessageSender {
    return { identity, role: this.codec.roleFromAttributes(attributes) };
  }

  /** True for agents and operators; otherwise reports a security event and returns false. */
  trust(sender: MessageSender, topic: string): boolean {
    if (sender.role === 'agent' || sender.role === 'operator') return true;
    this.callbacks.security({ reason: 'untrusted-role', sender, topic });
    return false;
  }

  /** Checks, decodes and delivers one payload. Never throws. */
  receive(payload: Uint8Array | string, sender: MessageSender, topic: string): void {
    if (!this.trust(sender, topic)) return;
    const result = this.codec.decode(payload, sender.role);
    if (result.ok) {
      this.callbacks.message({ message: result.message, sender, topic });
      return;
    }
    if (result.forbidden) {
      this.callbacks.security({ reason: 'forbidden-sender', sender, topic });
      return;
    }
    this.callbacks.rejected({ code: result.code, error: result.error, sender, topic });
    if (result.upgradeNeeded && !this.upgradeReported.has(sender.identity)) {
      this.upgradeReported.add(sender.identity);
      this.callbacks.upgradeneeded({ sender, error: result.error });
    }
  }
}
