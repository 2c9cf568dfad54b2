import {
  LiveKitTransport,
  OperatorFrames,
  type OperatorVoice,
  type RoomCredentials,
} from '@digital-human/livekit';
import { createMessage } from '@digital-human/protocol';
import { Track } from 'livekit-client';

/**
 * One customer's room as the operator sees it: joined with an operator token (`dh.role: operator`), where the
 * console sends take over / hand back and the operator's captions, and — while this session is live — publishes
 * the operator's face frames (lossy) and processed voice. The customer's microphone, if any, is played here.
 */
export class HeldRoom {
  readonly transport: LiveKitTransport;
  private frames: OperatorFrames | null = null;
  private voice: OperatorVoice | null = null;
  private readonly audio: HTMLMediaElement[] = [];
  private connecting: Promise<void> | null = null;

  constructor(
    readonly room: string,
    private readonly operatorId: string,
    credentials: () => Promise<RoomCredentials>,
  ) {
    this.transport = new LiveKitTransport({ getCredentials: credentials });
  }

  /** Joins the room (once). */
  connect(): Promise<void> {
    this.connecting ??= this.transport.connect().then(() => {
      const room = this.transport.room;
      if (!room) return;
      this.frames = new OperatorFrames(room);
      room.on('trackSubscribed', (track) => {
        if (track.kind === 'audio') this.audio.push(track.attach());
      });
    });
    return this.connecting;
  }

  /** Takes the avatar over: the dialog service suspends the agent; the customer's avatar crossfades to the puppet. */
  async takeOver(): Promise<void> {
    await this.connect();
    await this.transport.send(
      createMessage('handoff.take_over', { operatorId: this.operatorId, crossfadeMs: 300, ts: Date.now() }),
    );
  }

  /** Hands the avatar back to the AI (the service adds what was said meanwhile). */
  async handBack(summary?: string): Promise<void> {
    const message = createMessage('handoff.hand_back', { crossfadeMs: 300 });
    if (summary) message.summary = summary;
    await this.transport.send(message);
  }

  /** Shows `text` to the customer as the operator's caption (marked operator). */
  async say(text: string): Promise<void> {
    await this.transport.send(createMessage('speech.caption', { speaker: 'operator', text, final: true }));
  }

  /** Publishes one encoded face frame (73 bytes), lossy. Dropped when not connected. */
  publishFrame(bytes: Uint8Array): void {
    this.frames?.publish(bytes).catch(() => undefined);
  }

  /** Publishes the operator's voice here (only the live room carries it). */
  async publishVoice(voice: OperatorVoice | null): Promise<void> {
    if (voice === this.voice) return;
    await this.voice?.unpublish().catch(() => undefined);
    this.voice = voice;
    const participant = this.transport.room?.localParticipant;
    // Operator tokens may publish the microphone source only (the dialog-server's grants).
    if (voice && participant) await voice.publish(participant, { source: Track.Source.Microphone });
  }

  /** Leaves the room. */
  async dispose(): Promise<void> {
    await this.publishVoice(null);
    for (const el of this.audio) el.remove();
    this.frames?.dispose();
    await this.transport.dispose();
  }
}
