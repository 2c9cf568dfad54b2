// Browser side of the full-stack e2e: a customer page wired as an app would be — LiveKitTransport to the dialog
// service, the session router, a viseme scheduler and a speech driver mixing a face. A timer samples the mouth
// and the rendered sound so the Node test can compare them on the audio clock.
import { createSessionStore, Mixer, SessionRouter, VISEME_COUNT } from '@digital-human/core';
import { createMessage, PROTOCOL_VERSION } from '@digital-human/protocol';
import { SpeechDriver, VisemeScheduler } from '../../../lipsync/src';
import { LiveKitTransport } from '../../../livekit/src';
import type { FullstackLog, FullstackPageApi } from './fullstackApi';

const SAMPLE_MS = 20;
const MAX_SAMPLES = 6000;

const log: FullstackLog = {
  connection: [],
  audioplayback: [],
  messages: [],
  security: [],
  speechstarted: [],
  speechfinished: [],
  sent: [],
  samples: [],
  errors: [],
  helloResends: 0,
};

const audioContext = new AudioContext({ latencyHint: 'interactive' });
const output = audioContext.createGain();
const analyser = audioContext.createAnalyser();
analyser.fftSize = 512;
output.connect(audioContext.destination);
output.connect(analyser);
const scratch = new Float32Array(analyser.fftSize);

const store = createSessionStore({ initial: { language: 'zh-CN' } });
const mixer = new Mixer();
const scheduler = new VisemeScheduler({ clock: audioContext });
mixer.addDriver(new SpeechDriver(scheduler));
const router = new SessionRouter({ store, speech: scheduler });
const transport = new LiveKitTransport({
  tokenEndpoint: '/token',
  tokenRequest: { body: { language: 'zh-CN' } },
  audioContext,
  player: { destination: output },
});
router.attach(transport);

const now = () => performance.now();
let counter = 0;
const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++counter}`;
let onDrop: string | undefined;

const e = transport.events;
e.on('connection', ({ state, full }) => {
  log.connection.push({ state, ...(full === undefined ? {} : { full }), at: now() });
  if (state === 'reconnecting' && onDrop !== undefined) {
    const kind = onDrop;
    onDrop = undefined;
    void api.act(kind);
  }
});
e.on('audioplayback', ({ canPlay }) => log.audioplayback.push(canPlay));
e.on('message', ({ message, sender }) => {
  const id =
    message.type === 'ack' ? message.ackId : 'utteranceId' in message ? message.utteranceId : undefined;
  log.messages.push({ type: message.type, identity: sender.identity, ...(id && { id }), at: now() });
});
e.on('security', ({ reason, sender, topic }) =>
  log.security.push({ reason, identity: sender.identity, topic }),
);
e.on('speechstarted', ({ utteranceId, startTime }) =>
  log.speechstarted.push({ utteranceId, startTime, at: now() }),
);
e.on('speechfinished', ({ utteranceId, interrupted, position }) =>
  log.speechfinished.push({ utteranceId, interrupted, position, at: now() }),
);
e.on('error', (error) => log.errors.push(error.message));

let last = audioContext.currentTime;
setInterval(() => {
  const t = audioContext.currentTime;
  const frame = mixer.update(t, Math.max(0, t - last));
  last = t;
  let mouth = 0;
  for (let i = 1; i < VISEME_COUNT; i++) mouth += frame.visemes[i] ?? 0;
  analyser.getFloatTimeDomainData(scratch);
  let sum = 0;
  for (let i = scratch.length - 240; i < scratch.length; i++) sum += (scratch[i] ?? 0) ** 2;
  log.samples.push({ t, mouth, rms: Math.sqrt(sum / 240) });
  if (log.samples.length > MAX_SAMPLES) log.samples.splice(0, 1000);
}, SAMPLE_MS);

async function send(message: Parameters<typeof transport.send>[0], id: string): Promise<string> {
  log.sent.push({ type: message.type, id, at: now() });
  await transport.send(message);
  return id;
}

const api: FullstackPageApi = {
  log,
  async connect() {
    // Headless Chromium never blocks autoplay: a suspended context is what a blocked page starts with.
    await audioContext.suspend();
    await transport.connect();
  },
  async hello() {
    const language = 'zh-CN';
    const hello = createMessage('hello', {
      protocolVersion: PROTOCOL_VERSION,
      capabilities: ['speech', 'visemes'],
      language,
    });
    await transport.send(hello);
    // A hello is not acknowledged: when the service says nothing within 4 s, say it again (counted: the service's
    // agent may drop data from a customer it has not been told about yet).
    const heard = () => log.messages.some((m) => m.identity !== '' && m.type !== 'ack');
    for (let i = 0; i < 3 && !heard(); i++) {
      await new Promise((r) => setTimeout(r, 4000));
      if (heard()) break;
      log.helloResends += 1;
      await transport.send(hello);
    }
  },
  say: (text) => {
    const id = newId('text');
    return send(createMessage('user.text', { id, text }), id);
  },
  act: (kind) => {
    const id = newId('action');
    return send(createMessage('user.action', { id, kind }), id);
  },
  actOnNextDrop(kind) {
    onDrop = kind;
  },
  unacknowledged: () => transport.unacknowledged,
  simulate: (scenario) => transport.room!.simulateScenario(scenario),
  status: () => ({
    state: transport.state,
    canPlayAudio: transport.canPlayAudio,
    contextTime: audioContext.currentTime,
  }),
  async dispose() {
    router.dispose();
    await transport.dispose();
    scheduler.dispose();
    mixer.dispose();
  },
};

// The "tap for sound" prompt: the click's user gesture unlocks audio.
document.getElementById('sound')?.addEventListener('click', () => void transport.startAudio());

window.fullstackE2E = api;
