// The customer's side of the handoff e2e, wired as an app would be: LiveKitTransport to the dialog service, the
// session router (controller changes into the store), speech visemes on a SpeechDriver, and the SDK's PuppetLink:
// operator face frames on a PuppetDriver that the mixer crossfades to while the controller is human, the operator's
// voice heard only then. A timer samples the mixed face and both sounds.
import {
  createSessionStore,
  EMOTION_COUNT,
  IdleDriver,
  Mixer,
  PerformanceClock,
  SessionRouter,
  VISEME_COUNT,
} from '@digital-human/core';
import { SpeechDriver, VisemeScheduler } from '@digital-human/lipsync';
import { LiveKitTransport, PuppetLink } from '@digital-human/livekit';
import { createMessage, PROTOCOL_VERSION } from '@digital-human/protocol';
import type { CustomerLog, CustomerPageApi } from './customerApi';

const SAMPLE_MS = 16;
const MAX_SAMPLES = 20_000;
const epoch = () => performance.timeOrigin + performance.now();
const log: CustomerLog = {
  messages: [],
  speechstarted: [],
  speechfinished: [],
  frames: [],
  security: [],
  samples: [],
  errors: [],
};

const audioContext = new AudioContext({ latencyHint: 'interactive' });
const agentOut = audioContext.createGain();
const agentMeter = audioContext.createAnalyser();
agentOut.connect(audioContext.destination);
agentOut.connect(agentMeter);
// The operator's voice as heard (PuppetLink fades it in and out with the controller) goes through here.
const operatorOut = audioContext.createGain();
const operatorMeter = audioContext.createAnalyser();
operatorOut.connect(audioContext.destination);
operatorOut.connect(operatorMeter);

const store = createSessionStore({ initial: { language: 'zh-CN' } });
const clock = new PerformanceClock();
const mixer = new Mixer();
const scheduler = new VisemeScheduler({ clock: audioContext });
mixer.addDriver(new IdleDriver());
mixer.addDriver(new SpeechDriver(scheduler));

const router = new SessionRouter({ store, speech: scheduler });
const transport = new LiveKitTransport({
  tokenEndpoint: '/token',
  tokenRequest: { body: { language: 'zh-CN' } },
  audioContext,
  player: { destination: agentOut },
});
router.attach(transport);
// Frames are buffered always (operator-role frames only), shown only while the operator controls: when the
// controller flips, the puppet already holds the operator's last ~100 ms and drives the very next frame.
const link = new PuppetLink(transport, {
  mixer,
  controller: store,
  clock,
  audioContext,
  voice: { output: operatorOut },
});
link.on('frame', ({ sender }) => log.frames.push({ identity: sender.identity, at: epoch() }));
link.on('security', ({ reason, sender, topic }) =>
  log.security.push({ reason, identity: sender.identity, topic }),
);
const e = transport.events;
e.on('message', ({ message, sender }) => {
  const c = message.type === 'handoff.state' ? { controller: message.controller } : {};
  log.messages.push({ type: message.type, identity: sender.identity, ...c, at: epoch() });
});
e.on('security', ({ reason, sender, topic }) =>
  log.security.push({ reason, identity: sender.identity, topic }),
);
e.on('speechstarted', ({ utteranceId }) => log.speechstarted.push({ utteranceId, at: epoch() }));
e.on('speechfinished', ({ utteranceId, interrupted }) =>
  log.speechfinished.push({ utteranceId, interrupted, at: epoch() }),
);
e.on('error', (error) => log.errors.push(error.message));

const shown = new Float32Array(VISEME_COUNT + EMOTION_COUNT + 2);
const scratch = new Float32Array(512);
agentMeter.fftSize = 512;
operatorMeter.fftSize = 512;
function rms(meter: AnalyserNode): number {
  meter.getFloatTimeDomainData(scratch);
  let sum = 0;
  for (let i = scratch.length - 240; i < scratch.length; i++) sum += (scratch[i] ?? 0) ** 2;
  return Math.sqrt(sum / 240);
}

let last = clock.now();
let first = true;
setInterval(() => {
  const t = clock.now();
  const dt = Math.max(0, t - last);
  last = t;
  const f = mixer.update(t, dt);
  let step = 0;
  let stepAt = 0;
  let emotionStep = 0;
  let emotionStepOf = '';
  let k = 0;
  const take = (v: number) => {
    const d = Math.abs(v - (shown[k] ?? 0));
    if (!first && d > step) {
      step = d;
      stepAt = k;
    }
    shown[k++] = v;
  };
  for (let i = 0; i < VISEME_COUNT; i++) take(f.visemes[i] ?? 0);
  for (let i = 0; i < EMOTION_COUNT; i++) {
    const d = Math.abs((f.emotions[i] ?? 0) - (shown[k] ?? 0));
    if (!first && d > emotionStep) {
      emotionStep = d;
      emotionStepOf = `e${i}=${(f.emotions[i] ?? 0).toFixed(2)}`;
    }
    take(f.emotions[i] ?? 0);
  }
  take(f.blinkLeft);
  take(f.blinkRight);
  first = false;
  const puppetState = link.driving ? (link.puppet?.state ?? 'off') : 'off';
  const stepOf =
    stepAt < VISEME_COUNT
      ? `v${stepAt}`
      : stepAt < VISEME_COUNT + EMOTION_COUNT
        ? `e${stepAt - VISEME_COUNT}`
        : `b${stepAt - VISEME_COUNT - EMOTION_COUNT}`;
  log.samples.push({
    at: epoch(),
    dt,
    step,
    stepOf,
    emotionStep,
    emotionStepOf,
    puppet: puppetState,
    controller: link.controller,
    agentRms: rms(agentMeter),
    operatorRms: rms(operatorMeter),
  });
  if (log.samples.length > MAX_SAMPLES) log.samples.splice(0, 5000);
}, SAMPLE_MS);

let identity = '';
const api: CustomerPageApi = {
  log,
  get identity() {
    return identity;
  },
  async connect() {
    await transport.connect();
    await audioContext.resume();
    const room = transport.room!;
    identity = room.localParticipant.identity;
  },
  async hello() {
    await transport.send(
      createMessage('hello', {
        protocolVersion: PROTOCOL_VERSION,
        capabilities: ['speech', 'visemes'],
        language: 'zh-CN',
      }),
    );
  },
  async say(text) {
    await transport.send(createMessage('user.text', { id: `t-${Date.now().toString(36)}`, text }));
  },
  async dispose() {
    link.dispose();
    await transport.dispose();
  },
};
window.customerE2E = api;
