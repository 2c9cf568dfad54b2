import { FACE_FRAME_TYPE, type JsonMessage, type Transport } from '@digital-human/protocol';
import type { OutgoingMessage } from './content';

/** The two sides of a flow model a transport talks to. */
export interface TransportLinkable {
  /** Subscribes to the model's outgoing messages; returns the unsubscribe. */
  on(event: 'send', fn: (message: OutgoingMessage) => void): () => void;
  /** Feeds one decoded message from the dialog service. */
  receive(message: JsonMessage): void;
}

/** Options of {@link linkTransport}. */
export interface LinkTransportOptions {
  /** Called when a customer message could not be sent (the transport refused it or failed). */
  readonly onError?: (error: Error) => void;
}

/** Most customer messages kept while the transport is not connected (the oldest are dropped beyond it). */
const QUEUE_LIMIT = 32;

const isConnected = (t: Transport): boolean => t.state === 'connected';

/**
 * Wires a flow model to a {@link Transport}: every decoded message from the dialog service is fed to
 * `model.receive` (binary face frames are not the flow's business), and every customer message the model sends
 * goes to `transport.send`. Messages sent before the transport is connected wait and go out, in order, once it
 * connects (or reconnects). The app owns the transport: this never connects or disposes it. Returns the unlink.
 *
 * ```ts
 * const unlink = linkTransport(flow, transport);
 * await transport.connect();
 * flow.start();
 * ```
 */
export function linkTransport(
  model: TransportLinkable,
  transport: Transport,
  options: LinkTransportOptions = {},
): () => void {
  const queue: OutgoingMessage[] = [];
  let linked = true;
  const send = (message: OutgoingMessage) => {
    transport.send(message).catch((cause: unknown) => {
      if (linked) options.onError?.(cause instanceof Error ? cause : new Error(String(cause)));
    });
  };
  const flush = () => {
    while (queue.length > 0 && isConnected(transport)) {
      const next = queue.shift();
      if (next) send(next);
    }
  };
  const offMessage = transport.events.on('message', ({ message }) => {
    if (message.type !== FACE_FRAME_TYPE) model.receive(message);
  });
  const offConnection = transport.events.on('connection', (change) => {
    if (change.state === 'connected' || change.state === 'reconnected') flush();
  });
  const offSend = model.on('send', (message) => {
    if (isConnected(transport) && queue.length === 0) {
      send(message);
      return;
    }
    queue.push(message);
    if (queue.length > QUEUE_LIMIT) queue.shift();
    flush();
  });
  return () => {
    linked = false;
    queue.length = 0;
    offMessage();
    offConnection();
    offSend();
  };
}
