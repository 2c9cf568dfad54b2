// A customer played by an rtc-node participant for the dialog service's e2e test: records every message, audio
// stream, caption and RPC it gets, and answers lk.playback_started / lk.playback_finished like the browser's player.
import {
  createMessage,
  encode,
  type JsonMessage,
  type JsonMessageType,
  type MessageOf,
  Topic,
  topicFor,
} from '@digital-human/protocol';
import { Room, RoomEvent } from '@livekit/rtc-node';

/** One `lk.audio_stream` as received. */
export interface ReceivedAudio {
  readonly attributes: Readonly<Record<string, string>>;
  readonly from: string;
  bytes: number;
  firstAt: number;
  closedAt: number | undefined;
}

/** Resolves with the first value `check` returns that is not undefined (polls every 10 ms). */
export async function waitFor<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`e2e: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A customer in Node: what it received, and how it sends. */
export class FakeCustomer {
  readonly room = new Room();
  readonly messages: { message: JsonMessage; from: string; at: number }[] = [];
  readonly audio: ReceivedAudio[] = [];
  readonly captions: { segmentId: string; text: string; from: string }[] = [];
  readonly clears: { from: string; at: number }[] = [];
  /** When true, the player answers lk.playback_finished for every stream (as a browser does). */
  playing = true;
  private cleared = false;

  constructor() {
    this.room.on(RoomEvent.DataReceived, (payload, participant) => {
      const message = JSON.parse(new TextDecoder().decode(payload)) as JsonMessage;
      this.messages.push({ message, from: participant?.identity ?? '', at: performance.now() });
    });
    this.room.registerByteStreamHandler('lk.audio_stream', (reader, { identity }) => {
      void this.play(reader, identity);
    });
    this.room.registerTextStreamHandler('lk.transcription', async (reader, { identity }) => {
      const text = await reader.readAll();
      this.captions.push({
        segmentId: reader.info.attributes?.['lk.segment_id'] ?? '',
        text,
        from: identity,
      });
    });
  }

  /** Joins with credentials from the token endpoint. */
  async join(url: string, token: string): Promise<void> {
    await this.room.connect(url, token, { autoSubscribe: false, dynacast: false });
    this.room.localParticipant?.registerRpcMethod('lk.clear_buffer', async (data) => {
      this.clears.push({ from: data.callerIdentity, at: performance.now() });
      this.cleared = true;
      return 'ok';
    });
  }

  /** Sends a customer message on its topic; returns when it was sent (performance.now()). */
  async send(message: JsonMessage): Promise<number> {
    const at = performance.now();
    await this.room.localParticipant?.publishData(encode(message), {
      reliable: true,
      topic: topicFor(message.type),
    });
    return at;
  }

  /** Sends the hello a browser sends first. */
  hello(language = 'zh-CN'): Promise<number> {
    return this.send(createMessage('hello', { protocolVersion: '1.0', capabilities: ['audio'], language }));
  }

  /** Messages of `type` received so far. */
  of<T extends JsonMessageType>(type: T): MessageOf<T>[] {
    return this.messages.map((m) => m.message).filter((m): m is MessageOf<T> => m.type === type);
  }

  /** Calls an RPC on `to` (e.g. a forged lk.playback_finished). */
  rpc(to: string, method: string, payload: string): Promise<string> {
    const local = this.room.localParticipant;
    if (!local) return Promise.reject(new Error('not connected'));
    return local.performRpc({ destinationIdentity: to, method, payload, responseTimeout: 3000 });
  }

  private async play(
    reader: AsyncIterable<Uint8Array> & { info: { attributes?: Record<string, string> } },
    from: string,
  ) {
    const entry: ReceivedAudio = {
      attributes: reader.info.attributes ?? {},
      from,
      bytes: 0,
      firstAt: performance.now(),
      closedAt: undefined,
    };
    this.audio.push(entry);
    this.cleared = false;
    void this.rpc(from, 'lk.playback_started', '{}').catch(() => undefined);
    for await (const chunk of reader) entry.bytes += chunk.length;
    entry.closedAt = performance.now();
    if (!this.playing) return;
    const rate = Number(entry.attributes.sample_rate);
    const position = entry.bytes / 2 / rate;
    const payload = JSON.stringify({ playback_position: position, interrupted: this.cleared });
    void this.rpc(from, 'lk.playback_finished', payload).catch(() => undefined);
  }

  /** Leaves the room. */
  async leave(): Promise<void> {
    await this.room.disconnect();
  }
}

/** The topics the customer's data arrives on (for reference in assertions). */
export const CUSTOMER_TOPICS = [Topic.control, Topic.user];
