// The e2e bench page: `n` customer sessions on one audio context, each its own LiveKitTransport and room. Session 0
// also drives a face (router → scheduler → speech driver → mixer) and is measured on a 5 ms timer: when its sound
// starts in the rendered output and when its mouth opens, against the transport's `startTime`.
import { createSessionStore, Mixer, SessionRouter, VISEME_COUNT } from '@digital-human/core';
import { createMessage, PROTOCOL_VERSION } from '@digital-human/protocol';
import { SpeechDriver, VisemeScheduler } from '../../../lipsync/src';
import { LiveKitTransport } from '../../../livekit/src';
import type { BenchSession, BenchTurn, E2EBenchApi } from './benchApi';

const context = new AudioContext({ latencyHint: 'interactive' });
const output = context.createGain();
const analyser = context.createAnalyser();
analyser.fftSize = 1024;
output.connect(context.destination);
output.connect(analyser);
const window_ = new Float32Array(analyser.fftSize);

// Where audible sound was scheduled: every buffer source's start time plus its first sample above the threshold
// (only session 0 plays while turns are measured). The analyser then tells when that sound was really rendered.
const AUDIBLE = 0.01;
const scheduledAudible: number[] = [];
const start = AudioBufferSourceNode.prototype.start;
AudioBufferSourceNode.prototype.start = function (this: AudioBufferSourceNode, when = 0, ...rest: number[]) {
  const data = this.buffer?.getChannelData(0);
  if (data && this.context === context) {
    const i = data.findIndex((v) => Math.abs(v) > AUDIBLE);
    if (i >= 0) scheduledAudible.push(when + i / (this.buffer?.sampleRate ?? context.sampleRate));
  }
  start.call(this, when, ...rest);
};

const store = createSessionStore({ initial: { language: 'zh-CN' } });
const mixer = new Mixer();
const scheduler = new VisemeScheduler({ clock: context });
mixer.addDriver(new SpeechDriver(scheduler));
const router = new SessionRouter({ store, speech: scheduler });

interface Live {
  readonly transport: LiveKitTransport;
  stats: { utterances: number; underruns: number; underrunSeconds: number; errors: number };
  playing: number;
}
const sessions: Live[] = [];
type MutableTurn = { -readonly [K in keyof BenchTurn]: BenchTurn[K] };
const turns: MutableTurn[] = [];
let pendingSentAt: number | undefined;
let counter = 0;

function watch(live: Live, measured: boolean): void {
  const e = live.transport.events;
  e.on('underrun', ({ gap }) => {
    live.stats.underruns += 1;
    live.stats.underrunSeconds += gap;
  });
  e.on('error', () => {
    live.stats.errors += 1;
  });
  e.on('speechstarted', ({ utteranceId, startTime }) => {
    live.playing += 1;
    const turn = measured ? turns.find((t) => t.utteranceId === utteranceId) : undefined;
    if (turn)
      Object.assign(turn, { startedAt: performance.now(), startTime, contextAtStarted: context.currentTime });
  });
  e.on('speechfinished', () => {
    live.playing -= 1;
    live.stats.utterances += 1;
  });
  if (!measured) return;
  e.on('message', ({ message }) => {
    if (message.type !== 'speech.start') return;
    const turn: MutableTurn = {
      utteranceId: message.utteranceId,
      announcedAt: performance.now(),
      startedAt: Number.NaN,
      startTime: Number.NaN,
      contextAtStarted: Number.NaN,
      scheduledOnset: Number.NaN,
      soundOnset: Number.NaN,
      mouthOnset: Number.NaN,
    };
    if (pendingSentAt !== undefined) turn.sentAt = pendingSentAt;
    pendingSentAt = undefined;
    turns.push(turn);
  });
}

// Session 0's measurement: first audible rendered sample after 100 ms of quiet, first open mouth.
let lastLoud = Number.NEGATIVE_INFINITY;
let last = context.currentTime;
setInterval(() => {
  const now = context.currentTime;
  const frame = mixer.update(now, Math.max(0, now - last));
  last = now;
  const turn = turns.findLast((t) => !Number.isNaN(t.startTime));
  let mouth = 0;
  for (let i = 1; i < VISEME_COUNT; i++) mouth += frame.visemes[i] ?? 0;
  if (turn && Number.isNaN(turn.mouthOnset) && mouth > 0.1 && now > turn.startTime - 0.05)
    turn.mouthOnset = now;
  analyser.getFloatTimeDomainData(window_);
  let first = -1;
  for (let i = 0; i < window_.length && first < 0; i++) if (Math.abs(window_[i] ?? 0) > AUDIBLE) first = i;
  if (first < 0) return;
  const audible = now - (window_.length - first) / context.sampleRate;
  if (turn && Number.isNaN(turn.soundOnset) && audible - lastLoud > 0.1 && audible > turn.startTime - 0.05) {
    turn.soundOnset = audible;
    turn.scheduledOnset = scheduledAudible.find((t) => t >= turn.startTime - 1e-6) ?? Number.NaN;
  }
  lastLoud = now;
}, 5);

const api: E2EBenchApi = {
  async open(n) {
    const opened: Promise<void>[] = [];
    for (let k = 0; k < n; k++) {
      const measured = sessions.length === 0;
      const transport = new LiveKitTransport({
        tokenEndpoint: '/token',
        tokenRequest: { body: { language: 'zh-CN' } },
        audioContext: context,
        ...(measured && { player: { destination: output } }),
      });
      const live: Live = {
        transport,
        stats: { utterances: 0, underruns: 0, underrunSeconds: 0, errors: 0 },
        playing: 0,
      };
      sessions.push(live);
      watch(live, measured);
      if (measured) router.attach(transport);
      const hello = createMessage('hello', {
        protocolVersion: PROTOCOL_VERSION,
        capabilities: ['speech', 'visemes'],
        language: 'zh-CN',
      });
      opened.push(transport.connect().then(() => transport.send(hello)));
    }
    await Promise.all(opened);
  },
  async say(i, text) {
    const id = `bench-${++counter}`;
    if (i === 0) pendingSentAt = performance.now();
    await sessions[i]!.transport.send(createMessage('user.text', { id, text }));
    return id;
  },
  turns: () => turns,
  sessions: (): BenchSession[] => sessions.map((s) => ({ ...s.stats })),
  idle: (i, k) => sessions[i]!.playing === 0 && sessions[i]!.stats.utterances >= k,
  async dispose() {
    for (const s of sessions) await s.transport.dispose();
  },
};

window.e2eBench = api;
