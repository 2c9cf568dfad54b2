// The customer's side of the handoff e2e, wired as an app would be: LiveKitTransport to the dialog service, the
// session router (controller changes), speech visemes on a SpeechDriver, operator face frames on a PuppetDriver that
// the mixer crossfades to when the controller becomes human. The operator's voice is heard only while the operator
// controls. A timer samples the mixed face and both sounds.
import {
  createSessionStore,
  EMOTION_COUNT,
  IdleDriver,
  Mixer,
  PerformanceClock,
  PuppetDriver,
  SessionRouter,
  VISEME_COUNT,
} from '@digital-human/core';
import { SpeechDriver, VisemeScheduler } from '@digital-human/lipsync';
import { LiveKitTransport, OperatorFrames } from '@digital-human/livekit';
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
const operatorGate = audioContext.createGain();
const operatorMeter = audioContext.createAnalyser();
operatorGate.gain.value = 0;
operatorGate.connect(audioContext.destination);
operatorGate.connect(operatorMeter);

const store = createSessionStore({ initial: { language: 'zh-CN' } });
const clock = new PerformanceClock();
const mixer = new Mixer();
const scheduler = new VisemeScheduler({ clock: audioContext });
const puppet = new PuppetDriver({ clock });
mixer.addDriver(new IdleDriver());
mixer.addDriver(new SpeechDriver(scheduler));
let controller: 'ai' | 'human' = 'ai';
let puppetAdded: (() => void) | null = null;

/** The puppet drives the face only while a human controls; on hand back it stops and the mixer crossfades back. */
function setController(next: 'ai' | 'human'): void {
  controller = next;
  operatorGate.gain.setTargetAtTime(next === 'human' ? 1 : 0, audioContext.currentTime, 0.01);
  if (next === 'human' && !puppetAdded) puppetAdded = mixer.addDriver(puppet);
  if (next === 'ai' && puppetAdded) {
    puppet.stop();
    puppetAdded();
    puppetAdded = null;
  }
}

const router = new SessionRouter({ store, speech: scheduler, onController: setController });
const transport = new LiveKitTransport({
  tokenEndpoint: '/token',
  tokenRequest: { body: { language: 'zh-CN' } },
  audioContext,
  player: { destination: agentOut },
});
router.attach(transport);
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
    if (!first) emotionStep = Math.max(emotionStep, Math.abs((f.emotions[i] ?? 0) - (shown[k] ?? 0)));
    take(f.emotions[i] ?? 0);
  }
  take(f.blinkLeft);
  take(f.blinkRight);
  first = false;
  const puppetState = puppetAdded ? puppet.state : 'off';
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
    puppet: puppetState,
    controller,
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
    const frames = new OperatorFrames(room, { receiveOnly: true });
    frames.on('frame', ({ frame, sender }) => {
      log.frames.push({ identity: sender.identity, at: epoch() });
      // Buffered always (operator-role frames only), shown only while the operator controls: when the controller
      // flips, the puppet already holds the operator's last ~100 ms and drives the very next frame.
      puppet.push(frame, clock.now());
    });
    frames.on('security', ({ reason, sender, topic }) =>
      log.security.push({ reason, identity: sender.identity, topic }),
    );
    room.on('trackSubscribed', (track) => {
      if (track.kind !== 'audio' || !track.mediaStreamTrack) return;
      const stream = new MediaStream([track.mediaStreamTrack]);
      // Chromium feeds a remote WebRTC track to Web Audio only while a media element plays it (muted here).
      const element = new Audio();
      element.muted = true;
      element.srcObject = stream;
      void element.play().catch(() => undefined);
      audioContext.createMediaStreamSource(stream).connect(operatorGate);
    });
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
    await transport.dispose();
  },
};
window.customerE2E = api;
