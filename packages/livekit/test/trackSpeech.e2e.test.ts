// Agent speech on an audio track (not lk.audio_stream), end to end on 127.0.0.1: an rtc-node agent publishes a
// track that carries silence and tone bursts, announcing each burst with speech.start {audio: 'track'}; the
// customer page's transport times each utterance through the receiver's playout timestamps. The page measures the
// real onset independently (an analyser on the received track) and the test compares the two on the audio clock.
import { existsSync } from 'node:fs';
import { createMessage, encode, topicFor } from '@digital-human/protocol';
import {
  AudioFrame,
  AudioSource,
  dispose as disposeRtcNode,
  LocalAudioTrack,
  Room as NodeRoom,
  TrackPublishOptions,
  TrackSource,
} from '@livekit/rtc-node';
import type { Browser, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LiveKitServer,
  liveKitServerPath,
  startLiveKitServer,
} from '../../../scripts/livekit/server.mjs';
import { mintToken, openTransportPage, summarize, waitInPage } from './e2eSupport';

const hasServer = existsSync(liveKitServerPath());
const ROOM = 'e2e-track-speech';
const CUSTOMER = 'customer-1';
const RATE = 48_000;
const FRAME = 480; // 10 ms
const UTTERANCES = 6;

describe.skipIf(!hasServer)('agent speech on an audio track, timed by playout (Chromium, rtc-node)', () => {
  let server: LiveKitServer;
  let pageServer: ViteDevServer;
  let browser: Browser;
  let page: Page;
  const agent = new NodeRoom();
  const source = new AudioSource(RATE, 1);
  /** Frames of tone still to send; the pump sends silence when 0. */
  let toneFrames = 0;
  let pumping = true;

  async function pump() {
    let phase = 0;
    while (pumping) {
      const data = new Int16Array(FRAME);
      if (toneFrames > 0) {
        for (let i = 0; i < FRAME; i++)
          data[i] = Math.round(8000 * Math.sin((2 * Math.PI * 330 * phase++) / RATE));
        toneFrames -= 1;
      }
      await source.captureFrame(new AudioFrame(data, RATE, 1, FRAME));
    }
  }

  beforeAll(async () => {
    server = await startLiveKitServer();
    ({ pageServer, browser, page } = await openTransportPage(server, ROOM));
    await agent.connect(server.url, await mintToken(server, ROOM, 'agent-1', 'agent'), {
      autoSubscribe: false,
      dynacast: false,
    });
    const track = LocalAudioTrack.createAudioTrack('agent-voice', source);
    void pump();
    await agent.localParticipant!.publishTrack(
      track,
      new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE }),
    );
    await page.evaluate(([id]) => window.transportE2E.connect('/token', id!), [CUSTOMER]);
    await page.evaluate(() => window.transportE2E.watchTrackOnsets());
  }, 90_000);

  afterAll(async () => {
    pumping = false;
    await page?.evaluate(() => window.transportE2E.dispose()).catch(() => undefined);
    await browser?.close();
    await agent.disconnect();
    await disposeRtcNode();
    await pageServer?.close();
    await server?.stop();
  });

  it('speechstarted.startTime matches the onset heard on the track', async () => {
    await new Promise((r) => setTimeout(r, 2000)); // the track is subscribed and flowing (silence)
    for (let n = 0; n < UTTERANCES; n++) {
      const start = createMessage('speech.start', { utteranceId: `u${n}`, audio: 'track', durationMs: 400 });
      await agent.localParticipant!.publishData(encode(start), {
        reliable: true,
        topic: topicFor('speech.start'),
      });
      await new Promise((r) => setTimeout(r, 300));
      toneFrames = 40; // 400 ms
      await new Promise((r) => setTimeout(r, 1200));
    }
    await waitInPage(
      page,
      (k) => window.transportE2E.log.speechstarted.filter((s) => s.segment === 0).length >= k,
      UTTERANCES,
      20_000,
      'track utterances started',
    ).catch(async (error: unknown) => {
      const debug = await page.evaluate(() => {
        const l = window.transportE2E.log;
        return {
          onsets: l.trackOnsets,
          messages: l.messages.map((m) => m.type),
          started: l.speechstarted,
          security: l.security,
          errors: l.errors,
        };
      });
      console.log('track debug:', JSON.stringify(debug));
      throw error;
    });
    const l = await page.evaluate(() => window.transportE2E.log);
    const started = l.speechstarted.filter((s) => s.segment === 0);
    expect(started.map((s) => s.utteranceId)).toEqual(Array.from({ length: UTTERANCES }, (_, n) => `u${n}`));
    const errors = started.map((s) => {
      const onset = l.trackOnsets.reduce(
        (best, t) => (Math.abs(t - s.startTime) < Math.abs(best - s.startTime) ? t : best),
        Number.POSITIVE_INFINITY,
      );
      return (s.startTime - onset) * 1000;
    });
    const abs = summarize(errors.map(Math.abs));
    console.log(
      'track onset error (startTime − measured onset, ms):',
      errors.map((e) => Math.round(e)),
      abs,
    );
    expect(l.trackOnsets.length).toBeGreaterThanOrEqual(UTTERANCES);
    expect(abs.p95).toBeLessThan(60);
  }, 90_000);
});
