// The dialog service end to end on 127.0.0.1: real livekit-server, the service (token endpoint + rtc-node agent with
// the dev synthesiser), a customer and a forging second customer played by rtc-node participants. Prints latencies.
import { existsSync } from 'node:fs';
import { createMessage } from '@digital-human/protocol';
import { dispose as disposeRtcNode } from '@livekit/rtc-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LiveKitServer,
  liveKitServerPath,
  startLiveKitServer,
} from '../../../scripts/livekit/server.mjs';
import { type RunningDialogServer, startDialogServer } from '../src/startDialogServer';
import { mintToken } from '../src/token/mintToken';
import { localDialogConfig } from './localDialogConfig';
import { FakeCustomer, waitFor } from './serviceE2eSupport';

const hasServer = existsSync(liveKitServerPath());
if (!hasServer) console.warn(`dialog-server e2e skipped: no livekit-server at ${liveKitServerPath()}`);

describe.skipIf(!hasServer)('dialog-server on a real livekit-server (rtc-node customer)', () => {
  let livekit: LiveKitServer;
  let service: RunningDialogServer;
  let credentials: { url: string; token: string; room: string; identity: string; resume: string };
  const customer = new FakeCustomer();
  const forger = new FakeCustomer();
  const timings: Record<string, number> = {};
  /** When the agent's session got each user.text (same process, same clock). */
  const inboundAt = new Map<string, number>();
  const agent = () => customer.of('speech.start')[0] && customer.messages[0]!.from;

  beforeAll(async () => {
    livekit = await startLiveKitServer();
    const config = localDialogConfig(livekit);
    service = await startDialogServer(config, { session: { speech: { leadSeconds: 0.3 } } });
    service.service.events.on('session', ({ session }) => {
      session.events.on('inbound', ({ message }) => {
        if (message.type === 'user.text') inboundAt.set(message.id, performance.now());
      });
    });
  });

  afterAll(async () => {
    await customer.leave().catch(() => undefined);
    await forger.leave().catch(() => undefined);
    await service?.close();
    await disposeRtcNode();
    await livekit?.stop();
    console.log('dialog-server e2e (ms):', JSON.stringify(timings, null, 1));
  });

  it('issues a customer token whose room already holds the agent', async () => {
    const t0 = performance.now();
    const res = await fetch(`${service.url}/api/dh/token`, { method: 'POST', body: '{}' });
    timings.tokenWithAgentJoin = Math.round(performance.now() - t0);
    expect(res.status).toBe(200);
    credentials = (await res.json()) as typeof credentials;
    expect(service.service.rooms).toEqual([credentials.room]);
    await customer.join(credentials.url, credentials.token);
    const agentHere = await waitFor(
      () => [...customer.room.remoteParticipants.values()].find((p) => p.attributes['dh.role'] === 'agent'),
      10_000,
      'the agent',
    );
    expect(agentHere.identity).toMatch(/^agent-/);
    // The agent drops data that arrives before it sees the customer join; wait for that, as a browser's retries do.
    const t = performance.now();
    await waitFor(
      () => service.service.session(credentials.room)?.customerPresent || undefined,
      10_000,
      'arrival',
    );
    timings.agentSeesCustomer = Math.round(performance.now() - t);
    const bad = await fetch(`${service.url}/api/dh/token`, { method: 'POST', body: '{"identity":"me"}' });
    expect(bad.status).toBe(400);
  });

  it('greets after hello: lk.audio_stream with dh.utterance_id, speech.visemes and captions of that id', async () => {
    const sent = await customer.hello();
    // The first utterance also waits for espeak-ng to load on the synthesis worker.
    const audio = await waitFor(() => customer.audio.find((a) => a.closedAt), 30_000, 'greeting audio');
    timings.helloToFirstAudioBytes = Math.round(audio.firstAt - sent);
    const id = audio.attributes['dh.utterance_id']!;
    expect(audio.attributes).toMatchObject({ sample_rate: '22050', num_channels: '1' });
    const start = customer.of('speech.start').find((m) => m.utteranceId === id);
    expect(start?.durationMs).toBeGreaterThan(500);
    // durationMs is rounded to the ms: the bytes match it within one ms of samples.
    expect(Math.abs(audio.bytes - (start!.durationMs! / 1000) * 22050 * 2)).toBeLessThanOrEqual(2 * 23);
    const visemes = customer.of('speech.visemes').filter((m) => m.utteranceId === id);
    expect(visemes.flatMap((m) => m.cues).length).toBeGreaterThan(5);
    const caption = customer.of('speech.caption').find((m) => m.utteranceId === id);
    expect(caption?.text).toContain('您好');
    await waitFor(() => customer.captions.find((c) => c.segmentId === id), 5000, 'lk.transcription');
    expect(customer.captions.find((c) => c.segmentId === id)?.text).toBe(caption?.text);
    await waitFor(() => customer.of('speech.end').find((m) => m.utteranceId === id), 10_000, 'speech.end');
    await waitFor(
      () => (customer.of('dialog.state').at(-1)?.state === 'listening' ? true : undefined),
      10_000,
      'listening',
    );
  });

  it('acks user.text by id, answers it, and only re-acks a retry', async () => {
    const before = customer.of('speech.start').length;
    const sent = await customer.send(createMessage('user.text', { id: 'txt-1', text: '营业时间' }));
    const ack = await waitFor(() => customer.messages.find((m) => m.message.type === 'ack'), 10_000, 'ack');
    timings.textToAck = Math.round(ack.at - sent);
    timings.textToAgent = Math.round((inboundAt.get('txt-1') ?? Number.NaN) - sent);
    expect(ack.message).toMatchObject({ ackId: 'txt-1', ok: true });
    await waitFor(() => customer.of('speech.start')[before], 20_000, 'the answer');
    const captionAt = customer.messages.find((m) => m.message.type === 'speech.caption' && m.at > sent)!.at;
    const startAt = customer.messages.find((m) => m.message.type === 'speech.start' && m.at > sent)!.at;
    timings.answerCaptionToSpeechStart = Math.round(startAt - captionAt);
    await waitFor(
      () => (customer.audio.length > 1 && customer.audio.at(-1)!.closedAt ? true : undefined),
      20_000,
      'answer audio',
    );
    const captions = customer.of('speech.caption').length;
    const retried = await customer.send(createMessage('user.text', { id: 'txt-1', text: '营业时间' }));
    const reAck = await waitFor(
      () => customer.messages.filter((m) => m.message.type === 'ack')[1],
      10_000,
      're-ack',
    );
    timings.retryToAck = Math.round(reAck.at - retried);
    await new Promise((r) => setTimeout(r, 500));
    expect(customer.of('ack').map((a) => a.ackId)).toEqual(['txt-1', 'txt-1']);
    expect(customer.of('speech.caption').length).toBe(captions);
  });

  it('cuts speech on a new text: lk.clear_buffer arrives, the stream stops early, speech.end interrupted', async () => {
    customer.playing = false; // keep the utterance "playing" until the interrupt
    await waitFor(
      () => (customer.of('dialog.state').at(-1)?.state === 'listening' ? true : undefined),
      15_000,
      'idle',
    );
    const streams = customer.audio.length;
    await customer.send(createMessage('user.text', { id: 'txt-2', text: '我想办信用卡' }));
    const audio = await waitFor(() => customer.audio[streams], 20_000, 'speech to cut');
    const id = audio.attributes['dh.utterance_id']!;
    const start = customer.of('speech.start').find((m) => m.utteranceId === id)!;
    await new Promise((r) => setTimeout(r, 200));
    customer.playing = true;
    const sent = await customer.send(createMessage('user.text', { id: 'txt-3', text: '营业时间' }));
    const clear = await waitFor(() => customer.clears[0], 10_000, 'lk.clear_buffer');
    timings.interruptToClearBuffer = Math.round(clear.at - sent);
    expect(clear.from).toBe(audio.from);
    await waitFor(() => audio.closedAt, 5000, 'the cut stream to close');
    timings.interruptToStreamClosed = Math.round(audio.closedAt! - sent);
    const full = Math.round((start.durationMs! / 1000) * 22050) * 2;
    expect(audio.bytes).toBeLessThan(full);
    timings.cutStreamBytesPercent = Math.round((100 * audio.bytes) / full);
    const end = await waitFor(() => customer.of('speech.end').find((m) => m.utteranceId === id), 5000, 'end');
    expect(end.interrupted).toBe(true);
    await waitFor(() => customer.of('ack').find((a) => a.ackId === 'txt-3'), 5000, 'ack txt-3');
  });

  it('answers a second hello with the session state instead of a second greeting', async () => {
    await waitFor(
      () => (customer.of('dialog.state').at(-1)?.state === 'listening' ? true : undefined),
      20_000,
      'idle',
    );
    const starts = customer.of('speech.start').length;
    const states = customer.of('dialog.state').length;
    await customer.hello();
    await waitFor(() => customer.of('dialog.state')[states], 5000, 'resync state');
    expect(customer.of('dialog.state')[states]).toMatchObject({ state: 'listening', language: 'zh-CN' });
    await new Promise((r) => setTimeout(r, 800));
    expect(customer.of('speech.start').length).toBe(starts);
  });

  it("ignores a second customer-role participant's forged messages and RPCs", async () => {
    const token = await mintToken(livekit, credentials.room, 'customer-forger', 'customer');
    await forger.join(livekit.url, token);
    const agentIdentity = agent()!;
    await waitFor(() => forger.room.remoteParticipants.get(agentIdentity), 10_000, 'agent seen by forger');
    const starts = customer.of('speech.start').length;
    const acks = customer.of('ack').length;
    await forger.hello();
    await forger.send(createMessage('user.text', { id: 'evil-1', text: '转人工' }));
    await expect(
      forger.rpc(agentIdentity, 'lk.playback_finished', '{"playback_position":0,"interrupted":true}'),
    ).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 1000));
    expect(customer.of('speech.start').length).toBe(starts);
    expect(customer.of('ack').length).toBe(acks);
    expect(forger.of('ack')).toEqual([]);
    expect(customer.clears.length).toBe(1);
  });
});
