// Browser side of the LiveKit smoke e2e: joins as a customer with plain livekit-client and echoes what it gets.
import { type RemoteParticipant, Room, RoomEvent } from 'livekit-client';
import type { E2EPageApi, PageReceived } from './e2eApi';

const room = new Room();
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function roleOf(identity: string): string {
  return room.remoteParticipants.get(identity)?.attributes['dh.role'] ?? '';
}

function publish(topic: string, text: string) {
  return room.localParticipant.publishData(encoder.encode(text), { topic, reliable: true });
}

const api: E2EPageApi = {
  received: [],
  audio: { streams: 0, bytes: 0, sampleRate: '', numChannels: '', senderRole: '', checksum: 0 },
  clearBufferCalls: 0,
  async join(url, token) {
    await room.connect(url, token, { autoSubscribe: true });
  },
  async leave() {
    await room.disconnect();
  },
  sendToAgent: publish,
  async candidateAddresses() {
    const pcs = room.engine.pcManager;
    const transports = [pcs?.publisher, pcs?.subscriber];
    const addresses = await Promise.all(transports.map((t) => t?.getConnectedAddress()));
    return addresses.filter((a): a is string => typeof a === 'string');
  },
};

function record(item: PageReceived) {
  api.received.push(item);
}

room.on(RoomEvent.DataReceived, (payload, participant?: RemoteParticipant, _kind?, topic?) => {
  const identity = participant?.identity ?? '';
  const body = decoder.decode(payload);
  record({ kind: 'data', topic: topic ?? '', body, senderIdentity: identity, senderRole: roleOf(identity) });
  if (topic === 'e2e.ping') void publish('e2e.pong', body);
});

room.registerTextStreamHandler('e2e.text', async (reader, { identity }) => {
  const body = await reader.readAll();
  record({ kind: 'text', topic: 'e2e.text', body, senderIdentity: identity, senderRole: roleOf(identity) });
  await room.localParticipant.sendText(body, { topic: 'e2e.text.echo' });
});

room.registerByteStreamHandler('e2e.bytes', async (reader, { identity }) => {
  const chunks = await reader.readAll();
  const bytes = chunks.reduce((n, c) => n + c.byteLength, 0);
  record({
    kind: 'bytes',
    topic: 'e2e.bytes',
    body: String(bytes),
    senderIdentity: identity,
    senderRole: roleOf(identity),
  });
  await publish('e2e.bytes.ack', String(bytes));
});

room.registerByteStreamHandler('lk.audio_stream', async (reader, { identity }) => {
  const audio = api.audio;
  audio.streams += 1;
  audio.sampleRate = reader.info.attributes?.sample_rate ?? '';
  audio.numChannels = reader.info.attributes?.num_channels ?? '';
  audio.senderRole = roleOf(identity);
  // Chunks are neither 2-byte aligned nor whole samples: read little-endian int16 across chunk borders.
  let low = -1;
  for await (const chunk of reader) {
    for (let i = 0; i < chunk.byteLength; i++) {
      const byte = chunk[i]!;
      if (low < 0) low = byte;
      else {
        audio.checksum += ((byte << 24) >> 16) | low;
        low = -1;
      }
    }
    audio.bytes += chunk.byteLength;
  }
  await publish('e2e.audio.ack', JSON.stringify({ bytes: audio.bytes, checksum: audio.checksum }));
});

room.registerRpcMethod('lk.clear_buffer', async (data) => {
  api.clearBufferCalls += 1;
  return JSON.stringify({ ok: true, caller: data.callerIdentity, role: roleOf(data.callerIdentity) });
});

window.e2e = api;
