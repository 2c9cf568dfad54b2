import { Emitter } from '@digital-human/core';
import {
  createOperatorFaceFrame,
  decodeFaceFrameFrom,
  FACE_FRAME_BYTES,
  type OperatorFaceFrame,
  roleFromAttributes,
  Topic,
} from '@digital-human/protocol';
import { LiveKitTransportError } from './LiveKitTransportError';
import type { RejectedEvent, SecurityEvent } from './LiveKitTransportEvents';
import type { MessageSender } from './MessageCodec';

/** A data listener as livekit-client's `RoomEvent.DataReceived` calls it. */
export type OperatorFramesDataListener = (
  payload: Uint8Array,
  participant?: { readonly identity: string; readonly attributes: Readonly<Record<string, string>> },
  kind?: unknown,
  topic?: string,
  encryptionType?: unknown,
  participantIdentity?: string,
) => void;

/** The part of a livekit-client `Room` that {@link OperatorFrames} uses. */
export interface OperatorFramesRoom {
  on(event: 'dataReceived', listener: OperatorFramesDataListener): unknown;
  off(event: 'dataReceived', listener: OperatorFramesDataListener): unknown;
  readonly remoteParticipants: ReadonlyMap<string, { readonly attributes: Readonly<Record<string, string>> }>;
  readonly localParticipant: {
    publishData(
      data: Uint8Array<ArrayBuffer>,
      options?: { reliable?: boolean; topic?: string; destinationIdentities?: string[] },
    ): Promise<void>;
  };
}

/** One received operator frame. Reused for every frame: read it (or `PuppetDriver.push` it), never keep it. */
export interface OperatorFrameEvent {
  /** The decoded frame. */
  readonly frame: OperatorFaceFrame;
  /** Who sent it (always an operator: the role is read from server-set attributes). */
  readonly sender: MessageSender;
}

/** The events of {@link OperatorFrames}. */
export interface OperatorFramesEvents {
  /** A valid face frame from an operator. */
  frame: OperatorFrameEvent;
  /** A face frame from someone who is not an operator (customer, agent, no role): dropped. */
  security: SecurityEvent;
  /** A face frame from an operator that did not decode (wrong size, newer major version): dropped. */
  rejected: RejectedEvent;
}

/** Options of {@link OperatorFrames}. */
export interface OperatorFramesOptions {
  /** Send and receive on this topic (default `Topic.face`, `'dh.face'`). */
  topic?: string;
  /** Receive only; `publish` then throws (the customer's side). Default false. */
  receiveOnly?: boolean;
}

/**
 * Operator face frames over LiveKit: the operator's console publishes the 73-byte frames from `OperatorCapture` as
 * lossy data packets on `dh.face`; the customer's browser decodes them without allocating and hands them to the
 * `PuppetDriver`. Only participants whose server-set `dh.role` attribute is `operator` are listened to: a frame
 * from anyone else changes nothing and is reported as a `security` event.
 *
 * Works on the transport's room (`transport.room`) or any livekit-client `Room`.
 *
 * ```ts
 * // customer
 * const frames = new OperatorFrames(transport.room!);
 * frames.on('frame', ({ frame }) => puppet.push(frame));
 * // operator console
 * capture.on('frame', ({ bytes }) => void operatorFrames.publish(bytes));
 * ```
 */
export class OperatorFrames extends Emitter<OperatorFramesEvents> {
  private readonly topic: string;
  private readonly receiveOnly: boolean;
  private readonly event: { frame: OperatorFaceFrame; sender: MessageSender };
  private room: OperatorFramesRoom | null;
  private readonly onData: OperatorFramesDataListener = (payload, participant, _k, topic, _e, identity) => {
    if (topic === this.topic) this.receive(payload, participant?.identity ?? identity ?? '', participant);
  };

  constructor(room: OperatorFramesRoom, options: OperatorFramesOptions = {}) {
    super();
    this.room = room;
    this.topic = options.topic ?? Topic.face;
    this.receiveOnly = options.receiveOnly ?? false;
    this.event = { frame: createOperatorFaceFrame(), sender: { identity: '', role: null } };
    room.on('dataReceived', this.onData);
  }

  /**
   * Sends one encoded frame (from `OperatorCapture`'s `frame` event) as a lossy packet: a late frame is worth
   * nothing, so none is retransmitted. The bytes are copied; the caller may reuse its buffer.
   */
  async publish(bytes: Uint8Array, destinationIdentities?: string[]): Promise<void> {
    const room = this.room;
    if (!room) throw LiveKitTransportError.transportDisposed('OperatorFrames.publish()');
    if (this.receiveOnly) throw LiveKitTransportError.sendFailed('this OperatorFrames is receive-only');
    if (bytes.length !== FACE_FRAME_BYTES) {
      throw LiveKitTransportError.sendFailed(
        `a face frame is ${FACE_FRAME_BYTES} bytes, got ${bytes.length}`,
      );
    }
    // publishData may hold on to the buffer until it is sent: give it its own copy.
    const payload = new Uint8Array(bytes);
    const options = {
      reliable: false,
      topic: this.topic,
      ...(destinationIdentities && { destinationIdentities }),
    };
    await room.localParticipant.publishData(payload, options).catch((cause: unknown) => {
      throw LiveKitTransportError.sendFailed(`publishing on ${this.topic} failed`, cause);
    });
  }

  /** Stops listening and removes all listeners. */
  dispose(): void {
    this.room?.off('dataReceived', this.onData);
    this.room = null;
    this.removeAllListeners();
  }

  private receive(
    payload: Uint8Array,
    identity: string,
    participant: { readonly attributes: Readonly<Record<string, string>> } | undefined,
  ): void {
    const attributes = participant?.attributes ?? this.room?.remoteParticipants.get(identity)?.attributes;
    const role = roleFromAttributes(attributes);
    if (role !== 'operator') {
      this.emit('security', {
        reason: role === null ? 'untrusted-role' : 'forbidden-sender',
        sender: { identity, role },
        topic: this.topic,
      });
      return;
    }
    const error = decodeFaceFrameFrom(payload, role, this.event.frame);
    if (error) {
      this.emit('rejected', { code: error.code, error, sender: { identity, role }, topic: this.topic });
      return;
    }
    // The sender record is reused; a new one only when another operator sends.
    if (this.event.sender.identity !== identity) this.event.sender = { identity, role };
    this.emit('frame', this.event);
  }
}
