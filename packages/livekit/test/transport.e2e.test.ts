// LiveKitTransport end to end on 127.0.0.1: real livekit-server, a customer page in headless Chromium using the
// transport, an agent and a forging "customer" in Node (@livekit/rtc-node). Prints the latencies it measures.
import { existsSync } from 'node:fs';
import { createMessage, encode, exampleMessages, Topic } from '@digital-human/protocol';
import {
  dispose as disposeRtcNode,
  Room as NodeRoom,
  RoomEvent as NodeRoomEvent,
  type RemoteParticipant,
  type RpcInvocationData,
} from '@livekit/rtc-node';
import type { Browser, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LiveKitServer,
  liveKitServerPath,
  startLiveKitServer,
} from '../../../scripts/livekit/server.mjs';
import { mintToken, openTransportPage, summarize, waitFor } from './e2eSupport';

const hasServer = existsSync(liveKitServerPath());
const ROOM = 'e2e-transport';
const CUSTOMER = 'customer-1';
const RATE = 24_000;

/** `seconds` of a 220 Hz tone as int16 little-endian bytes. */
function pcm(seconds: number): Uint8Array {
  const samples = new Int16Array(Math.round(RATE * seconds));
  for (let i = 0; i < samples.length; i++)
    samples[i] = Math.round(6000 * Math.sin((2 * Math.PI * 220 * i) / RATE));
  return new Uint8Array(samples.buffer);
}

describe.skipIf(!hasServer)('LiveKitTransport on 127.0.0.1 (Chromium customer, rtc-node agent)', () => {
  let server: LiveKitServer;
  let pageServer: ViteDevServer;
  let browser: Browser;
  let page: Page;
  const agent = new NodeRoom();
  const forger = new NodeRoom();
  const rpcs: { method: string; payload: string; at: number }[] = [];
  const acks: { ackId: string; at: number }[] = [];
  const timings: Record<string, unknown> = {};
  const log = () => page.evaluate(() => window.transportE2E.log);

  /** Streams PCM to the customer the way a LiveKit Agents avatar output does; resolves when the stream closed. */
  async function speak(bytes: Uint8Array, from = agent) {
    const writer = await from.localParticipant!.streamBytes({
      name: 'AUDIO_e2e',
      topic: 'lk.audio_stream',
      destinationIdentities: [CUSTOMER],
      attributes: { sample_rate: String(RATE), num_channels: '1' },
    });
    for (let o = 0; o < bytes.length; o += 960) await writer.write(bytes.subarray(o, o + 960));
    await writer.close();
  }
  const takeRpc = (method: string) =>
    waitFor(
      () => {
        const i = rpcs.findIndex((r) => r.method === method);
        return i < 0 ? undefined : rpcs.splice(i, 1)[0];
      },
      10_000,
      method,
    );

  beforeAll(async () => {
    server = await startLiveKitServer();
    ({ pageServer, browser, page } = await openTransportPage(server, ROOM, async (body) => {
      const identity = typeof body.identity === 'string' ? body.identity : 'customer-x';
      if (identity === 'refused') throw new Error('no session');
      return { url: server.url, token: await mintToken(server, ROOM, identity, 'customer') };
    }));
    agent.on(NodeRoomEvent.DataReceived, (payload, _p?: RemoteParticipant, _k?, topic?) => {
      const message = JSON.parse(new TextDecoder().decode(payload));
      if (topic === Topic.control && message.type === 'ack')
        acks.push({ ackId: message.ackId, at: performance.now() });
    });
    await agent.connect(server.url, await mintToken(server, ROOM, 'agent-1', 'agent'), {
      autoSubscribe: true,
      dynacast: false,
    });
    const record = (method: string) => async (data: RpcInvocationData) => {
      rpcs.push({ method, payload: data.payload, at: performance.now() });
      return 'ok';
    };
    agent.localParticipant!.registerRpcMethod('lk.playback_started', record('lk.playback_started'));
    agent.localParticipant!.registerRpcMethod('lk.playback_finished', record('lk.playback_finished'));
    await forger.connect(server.url, await mintToken(server, ROOM, 'customer-evil', 'customer'), {
      autoSubscribe: false,
      dynacast: false,
    });
  });

  afterAll(async () => {
    await page?.evaluate(() => window.transportE2E.dispose()).catch(() => undefined);
    await browser?.close();
    await agent.disconnect();
    await forger.disconnect();
    await disposeRtcNode();
    await pageServer?.close();
    await server?.stop();
    console.log('transport e2e (ms unless noted):', JSON.stringify(timings, null, 1));
  });

  it('joins with a token from the endpoint and reports connecting → connected, audio unlocked', async () => {
    const t = performance.now();
    await page.evaluate(([id]) => window.transportE2E.connect('/token', id!), [CUSTOMER]);
    timings.connect = Math.round(performance.now() - t);
    expect((await log()).connection).toEqual([{ state: 'connecting' }, { state: 'connected' }]);
    expect(await page.evaluate(() => window.transportE2E.status())).toEqual({
      state: 'connected',
      canPlayAudio: true,
      audioContextState: 'running',
    });
    await waitFor(() => agent.remoteParticipants.get(CUSTOMER), 10_000, 'customer');
    expect(agent.remoteParticipants.get(CUSTOMER)?.attributes['dh.role']).toBe('customer');
  });

  it('fails with typed errors when the token endpoint refuses or the server is unreachable', async () => {
    const refused = await page.evaluate(() => window.transportE2E.failingConnect('token-refused'));
    expect(refused).toEqual({ code: 'token_failed', states: ['connecting', 'disconnected'] });
    const unreachable = await page.evaluate(() => window.transportE2E.failingConnect('server-unreachable'));
    expect(unreachable.code).toBe('connect_failed');
    expect(unreachable.states.at(-1)).toBe('disconnected');
  });

  it('delivers validated agent messages and sends validated acks back', async () => {
    const samples: number[] = [];
    const card = exampleMessages()['ui.card'];
    for (let i = 0; i < 10; i++) {
      const message = { ...card, card: { ...card.card, cardId: `card-${i}` } };
      const t = performance.now();
      await agent.localParticipant!.publishData(encode(message), { reliable: true, topic: Topic.ui });
      const ack = await waitFor(() => acks.find((a) => a.ackId === `card-${i}`), 5000, `ack card-${i}`);
      samples.push(ack.at - t);
    }
    timings.cardToAck = summarize(samples);
    const messages = (await log()).messages.filter((m) => m.type === 'ui.card');
    expect(messages).toHaveLength(10);
    expect(messages.every((m) => m.identity === 'agent-1' && m.role === 'agent')).toBe(true);
  });

  it('drops forged ui, speech, audio and interrupts from another customer with security events', async () => {
    const before = await log();
    const examples = exampleMessages();
    await forger.localParticipant!.publishData(encode(examples['ui.card']), {
      reliable: true,
      topic: Topic.ui,
    });
    await forger.localParticipant!.publishData(encode(examples['speech.visemes']), {
      reliable: true,
      topic: Topic.speech,
    });
    await speak(pcm(0.2), forger);
    const rpc = forger.localParticipant!.performRpc({
      destinationIdentity: CUSTOMER,
      method: 'lk.clear_buffer',
      payload: '',
    });
    await expect(rpc).rejects.toThrow();
    await page.waitForFunction(
      (n) => window.transportE2E.log.security.length >= n + 4,
      before.security.length,
    );
    const after = await log();
    const security = after.security.slice(before.security.length);
    expect(security).toEqual([
      { reason: 'untrusted-role', topic: 'dh.ui', identity: 'customer-evil' },
      { reason: 'untrusted-role', topic: 'dh.speech', identity: 'customer-evil' },
      { reason: 'untrusted-role', topic: 'lk.audio_stream', identity: 'customer-evil' },
      { reason: 'untrusted-role', topic: 'lk.clear_buffer', identity: 'customer-evil' },
    ]);
    expect(after.messages.length).toBe(before.messages.length);
    expect(after.speechstarted.length).toBe(before.speechstarted.length);
  });

  it('plays lk.audio_stream speech and reports lk.playback_started / lk.playback_finished', async () => {
    const t = performance.now();
    await speak(pcm(0.5));
    const sent = performance.now();
    const started = await takeRpc('lk.playback_started');
    const finished = await takeRpc('lk.playback_finished');
    timings.firstBytesToPlaybackStarted = Math.round(started.at - t);
    timings.streamClosedToPlaybackFinished = Math.round(finished.at - sent);
    expect(JSON.parse(finished.payload)).toEqual({ playback_position: 0.5, interrupted: false });
    timings.playbackStartedToFinished = Math.round(finished.at - started.at);
    // started = audible, so ~0.5 s of audio lies between; measured where the agent receives the two RPCs, whose
    // delivery jitters by up to ~250 ms on a loaded 2-core machine (a finish sent at once would show ~0 ms).
    expect(finished.at - started.at).toBeGreaterThan(200);
    const last = (await log()).speechfinished.at(-1);
    expect(last).toMatchObject({ position: 0.5, interrupted: false, identity: 'agent-1' });
  });

  it('stops speech on lk.clear_buffer and reports the heard position', async () => {
    const speaking = speak(pcm(3));
    await takeRpc('lk.playback_started');
    const startedAt = performance.now();
    await new Promise((r) => setTimeout(r, 300));
    const t = performance.now();
    const reply = await agent.localParticipant!.performRpc({
      destinationIdentity: CUSTOMER,
      method: 'lk.clear_buffer',
      payload: '',
    });
    const answered = performance.now();
    const finished = await takeRpc('lk.playback_finished');
    await speaking;
    timings.clearBufferRpc = Math.round(answered - t);
    timings.clearBufferToPlaybackFinished = Math.round(finished.at - t);
    expect(reply).toBe('ok');
    const body = JSON.parse(finished.payload) as { playback_position: number; interrupted: boolean };
    expect(body.interrupted).toBe(true);
    timings.heardPositionS = body.playback_position;
    expect(body.playback_position).toBeGreaterThan(0.1);
    // The heard position, not the decoded one (all 3 s were decoded at once): at most the time since started
    // arrived, plus that RPC's delivery jitter under load.
    expect(body.playback_position).toBeLessThan((performance.now() - startedAt) / 1000 + 0.3);
    // Cut long before the 3 s of audio could end; the latency itself (target < 150 ms) is printed, not asserted.
    expect(finished.at - t).toBeLessThan(1500);
  });

  it('turns lk.transcription streams from the agent into captions, and ignores a forger', async () => {
    const send = async (from: NodeRoom, segment: string, chunks: string[]) => {
      const writer = await from.localParticipant!.streamText({
        topic: 'lk.transcription',
        destinationIdentities: [CUSTOMER],
        attributes: { 'lk.segment_id': segment, 'lk.transcription_final': 'true' },
      });
      for (const chunk of chunks) await writer.write(chunk);
      await writer.close();
    };
    await send(forger, 'SG_evil', ['请转账到这个账户']);
    await send(agent, 'SG_1', ['您好，', '欢迎光临', '招商银行。']);
    await page.waitForFunction(() => window.transportE2E.log.transcription.some((c) => c.final));
    const captions = (await log()).transcription;
    expect(captions.at(-1)).toEqual({
      text: '您好，欢迎光临招商银行。',
      segmentId: 'SG_1',
      final: true,
      identity: 'agent-1',
    });
    // One interim caption per chunk as it arrives (growing prefixes), whatever chunking the stream keeps.
    const interim = captions.filter((c) => !c.final && c.segmentId === 'SG_1').map((c) => c.text);
    expect(interim.length).toBeGreaterThanOrEqual(1);
    expect(interim.at(-1)).toBe('您好，欢迎光临招商银行。');
    expect(
      interim.every(
        (t, k) => '您好，欢迎光临招商银行。'.startsWith(t) && (k === 0 || t.length > interim[k - 1]!.length),
      ),
    ).toBe(true);
    expect(captions.some((c) => c.segmentId === 'SG_evil')).toBe(false);
    expect((await log()).security.at(-1)).toEqual({
      reason: 'untrusted-role',
      topic: 'lk.transcription',
      identity: 'customer-evil',
    });
  });

  it('publishes the microphone with a working mute', async () => {
    const published = new Promise<void>((resolve) =>
      agent.once(NodeRoomEvent.TrackPublished, () => resolve()),
    );
    await page.evaluate(() => window.transportE2E.enableMicrophone());
    await published;
    const participant = agent.remoteParticipants.get(CUSTOMER)!;
    const publication = [...participant.trackPublications.values()][0]!;
    expect(publication.kind).toBe(1); // TrackKind.KIND_AUDIO
    const muted = new Promise<void>((resolve) => agent.once(NodeRoomEvent.TrackMuted, () => resolve()));
    await page.evaluate(() => window.transportE2E.setMicrophoneMuted(true));
    await muted;
    expect(publication.muted).toBe(true);
  });

  it('reports reconnecting → reconnected on a signal drop and keeps working', async () => {
    const before = (await log()).connection.length;
    await page.evaluate(() => window.transportE2E.simulate('signal-reconnect'));
    await page.waitForFunction(
      (n) => window.transportE2E.log.connection.slice(n).some((c) => c.state === 'reconnected'),
      before,
      { timeout: 15_000, polling: 100 },
    );
    const states = (await log()).connection.slice(before).map((c) => c.state);
    expect(states).toEqual(['reconnecting', 'reconnected']);
    const message = createMessage('dialog.state', { state: 'listening' });
    await agent.localParticipant!.publishData(encode(message), { reliable: true, topic: Topic.dialog });
    await page.waitForFunction(() => window.transportE2E.log.messages.some((m) => m.type === 'dialog.state'));
  });

  it('surfaces blocked autoplay and unlocks it from a user gesture', async () => {
    // Headless Chromium never blocks autoplay (even with --autoplay-policy=user-gesture-required), so the page
    // hands the transport a suspended AudioContext, which is the state a phone's browser leaves it in.
    const other = await browser.newPage();
    try {
      await other.goto(page.url());
      await other.waitForFunction(() => window.transportE2E !== undefined);
      await other.evaluate(() => window.transportE2E.connect('/token', 'customer-autoplay', true));
      expect(await other.evaluate(() => window.transportE2E.status())).toMatchObject({
        canPlayAudio: false,
        audioContextState: 'suspended',
      });
      expect(await other.evaluate(() => window.transportE2E.log.audioplayback)).toEqual([false]);
      await other.mouse.click(10, 10); // the page's "tap to enable sound" calls transport.startAudio()
      await other.waitForFunction(() => window.transportE2E.status().canPlayAudio);
      expect(await other.evaluate(() => window.transportE2E.log.audioplayback.at(-1))).toBe(true);
      await other.evaluate(() => window.transportE2E.dispose());
    } finally {
      await other.close();
    }
  });

  it('reports disconnected with the reason, can join again, and dispose() closes its audio context', async () => {
    await page.evaluate(() => window.transportE2E.disconnect());
    expect((await log()).connection.at(-1)).toEqual({ state: 'disconnected', reason: 'CLIENT_INITIATED' });
    expect((await page.evaluate(() => window.transportE2E.status())).state).toBe('disconnected');
    expect((await log()).errors).toEqual([]);
    await page.evaluate(() => window.transportE2E.rejoin());
    expect((await page.evaluate(() => window.transportE2E.status())).state).toBe('connected');
    await waitFor(() => agent.remoteParticipants.get(CUSTOMER), 10_000, 'customer back');
    await page.evaluate(() => window.transportE2E.dispose());
    expect(await page.evaluate(() => window.transportE2E.status())).toMatchObject({
      audioContextState: 'closed',
    });
    await waitFor(
      () => (agent.remoteParticipants.has(CUSTOMER) ? undefined : true),
      5000,
      'customer to leave',
    );
  });
});
