import { createMessage, ROLE_ATTRIBUTE, Topic, type Transport, topicFor } from '@digital-human/protocol';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { FakeLiveKitRoom, fakeAudioContext, fakeLiveKitModule } from '../test/FakeLiveKitRoom';
import { LiveKitTransport } from './LiveKitTransport';

const AGENT = 'agent-1';
const hello = createMessage('hello', {
  protocolVersion: '1.0',
  capabilities: ['visemes'],
  language: 'zh-CN',
});
const text = (id: string) => createMessage('user.text', { id, text: '营业时间' });
const ack = (ackId: string) => createMessage('ack', { ackId, ok: true });

async function connected() {
  const transport = new LiveKitTransport({
    getCredentials: async () => ({ url: 'ws://fake', token: 'fake' }),
    loadLiveKit: async () => fakeLiveKitModule(),
    audioContext: fakeAudioContext(),
    outbox: { initialDelayMs: 1000, maxDelayMs: 4000 },
  });
  const states: string[] = [];
  transport.events.on('connection', ({ state, full }) => states.push(full ? `${state}(full)` : state));
  await transport.connect();
  const room = FakeLiveKitRoom.created.at(-1)!;
  room.join(AGENT, { [ROLE_ATTRIBUTE]: 'agent' });
  return { transport, room, states };
}

/** Lets the transport's promise chains (sender lookups, publishes) run. */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('LiveKitTransport over a fake room', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is a protocol Transport', () => {
    expectTypeOf<LiveKitTransport>().toMatchTypeOf<Transport>();
  });

  it('retries a user text with backoff until the ack arrives, then stops', async () => {
    const { transport, room } = await connected();
    await transport.send(text('t-1'));
    expect(room.publishedTypes).toEqual(['user.text']);
    await vi.advanceTimersByTimeAsync(999);
    expect(room.publishedTypes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1); // 1 s
    await vi.advanceTimersByTimeAsync(2000); // 2 s later
    expect(room.publishedTypes).toEqual(['user.text', 'user.text', 'user.text']);
    expect(transport.unacknowledged).toEqual(['t-1']);
    room.receive(AGENT, Topic.control, ack('t-1'));
    await settle();
    expect(transport.unacknowledged).toEqual([]);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(room.publishedTypes).toHaveLength(3);
    await transport.dispose();
  });

  it('an ack from a customer does not count', async () => {
    const { transport, room } = await connected();
    room.join('customer-evil', { [ROLE_ATTRIBUTE]: 'customer' });
    await transport.send(text('t-2'));
    room.receive('customer-evil', Topic.control, ack('t-2'));
    await settle();
    expect(transport.unacknowledged).toEqual(['t-2']);
    await transport.dispose();
  });

  it('keeps what the customer did during an outage and sends it after a resume', async () => {
    const { transport, room, states } = await connected();
    room.drop('signal');
    const action = createMessage('user.action', { id: 'a-1', kind: 'quick_reply', target: 'q1' });
    await transport.send(action); // resolves queued
    await vi.advanceTimersByTimeAsync(10_000);
    expect(room.publishedTypes).toEqual([]);
    room.restore();
    await settle();
    expect(states).toEqual(['connecting', 'connected', 'reconnecting', 'reconnected']);
    expect(room.publishedTypes).toEqual(['user.action']);
    room.receive(AGENT, Topic.control, ack('a-1'));
    await settle();
    expect(transport.unacknowledged).toEqual([]);
    await transport.dispose();
  });

  it('after a full reconnect sends hello again first, then what is unacknowledged', async () => {
    const { transport, room, states } = await connected();
    await transport.send(hello);
    await transport.send(text('t-3'));
    room.drop('full');
    await transport.send(text('t-4'));
    room.restore();
    await settle();
    expect(states.slice(2)).toEqual(['reconnecting', 'reconnected(full)']);
    expect(room.publishedTypes).toEqual(['hello', 'user.text', 'hello', 'user.text', 'user.text']);
    const ids = room.published.slice(3).map((p) => p.message.id);
    expect(ids).toEqual(['t-3', 't-4']);
    expect(room.published[2]?.topic).toBe(topicFor('hello'));
    await transport.dispose();
  });

  it('keeps the queue across disconnect() and a new connect()', async () => {
    const { transport } = await connected();
    await transport.disconnect();
    await transport.send(text('t-5'));
    await transport.connect();
    const room = FakeLiveKitRoom.created.at(-1)!;
    await settle();
    expect(room.publishedTypes).toEqual(['user.text']);
    await transport.dispose();
  });

  it("times speech on an agent's audio track by its playout and plays no customer's track", async () => {
    const { transport, room } = await connected();
    room.join('customer-evil', { [ROLE_ATTRIBUTE]: 'customer' });
    const security: string[] = [];
    const speech: string[] = [];
    transport.events.on('security', ({ sender, topic }) => security.push(`${sender.identity}:${topic}`));
    transport.events.on('speechstarted', ({ utteranceId, segment }) =>
      speech.push(`start ${utteranceId} ${segment}`),
    );
    transport.events.on('speechfinished', ({ utteranceId, interrupted }) =>
      speech.push(`end ${utteranceId} ${interrupted}`),
    );
    const evil = room.subscribeAudio('customer-evil');
    const track = room.subscribeAudio(AGENT);
    expect([evil.attached, track.attached]).toEqual([0, 1]);
    expect(security).toEqual(['customer-evil:audio-track']);
    const start = createMessage('speech.start', { utteranceId: 'u-track', audio: 'track', durationMs: 800 });
    room.receive(AGENT, topicFor('speech.start'), start);
    track.play(1000, performance.now(), 0);
    await vi.advanceTimersByTimeAsync(20);
    track.play(1000 + 4800, performance.now(), 0.4);
    await vi.advanceTimersByTimeAsync(20);
    expect(speech).toEqual(['start u-track 0']);
    room.receive(
      AGENT,
      topicFor('speech.end'),
      createMessage('speech.end', { utteranceId: 'u-track', interrupted: true }),
    );
    await settle();
    expect(speech).toEqual(['start u-track 0', 'end u-track true']);
    await transport.dispose();
  });

  it('a send that fails while connected stays queued and is retried', async () => {
    const { transport, room } = await connected();
    room.failPublish = true;
    await expect(transport.send(text('t-7'))).rejects.toMatchObject({ code: 'send_failed' });
    expect(transport.unacknowledged).toEqual(['t-7']);
    room.failPublish = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(room.publishedTypes).toEqual(['user.text']);
    await transport.dispose();
  });

  it('refuses more than maxPending unacknowledged messages', async () => {
    const transport = new LiveKitTransport({
      getCredentials: async () => ({ url: 'ws://fake', token: 'fake' }),
      loadLiveKit: async () => fakeLiveKitModule(),
      audioContext: fakeAudioContext(),
      outbox: { maxPending: 2 },
    });
    await transport.send(text('q-1'));
    await transport.send(text('q-2'));
    await expect(transport.send(text('q-3'))).rejects.toMatchObject({ code: 'send_failed' });
    expect(transport.unacknowledged).toEqual(['q-1', 'q-2']);
    await transport.dispose();
  });

  it('refuses an invalid message and sends other messages without keeping them', async () => {
    const { transport, room } = await connected();
    const bad = createMessage('user.text', { id: 't-6', text: '' });
    await expect(transport.send(bad)).rejects.toMatchObject({ code: 'send_failed' });
    await transport.send(hello);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(room.publishedTypes).toEqual(['hello']);
    expect(transport.unacknowledged).toEqual([]);
    await transport.dispose();
  });
});
