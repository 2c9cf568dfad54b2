// Browser side of the puppet e2e, wired the way the docs tell an app to: the operator console publishes its face
// frames and voice; the customer's page plays the frames on a PuppetDriver in the mixer.
import {
  ArkitIndex,
  EmotionIndex,
  IdleDriver,
  Mixer,
  PerformanceClock,
  PuppetDriver,
} from '@digital-human/core';
import { LiveKitTransport, OperatorFrames, OperatorVoice, OperatorVoicePlayer } from '@digital-human/livekit';
import { OperatorCapture } from '../../src';
import type { PuppetLog, PuppetPageApi } from './puppetApi';

// Served from this package's own node_modules (no CDN).
const WASM = new URL('../../node_modules/@mediapipe/tasks-vision/wasm', import.meta.url).href;

const log: PuppetLog = {
  captured: 0,
  published: 0,
  received: [],
  security: [],
  states: [],
  maxHappy: 0,
  audioTracks: [],
  voices: [],
  maxVoiceMouth: 0,
  errors: [],
};
const cleanup: (() => unknown)[] = [];

async function join(identity: string, role: 'operator' | 'customer'): Promise<LiveKitTransport> {
  const transport = new LiveKitTransport({
    tokenEndpoint: '/token',
    tokenRequest: { body: { identity, role } },
  });
  transport.events.on('error', (error) => log.errors.push(error.message));
  await transport.connect();
  cleanup.push(() => transport.dispose());
  return transport;
}

const api: PuppetPageApi = {
  log,
  async startOperator(identity, modelUrl) {
    const transport = await join(identity, 'operator');
    const frames = new OperatorFrames(transport.room!);
    const capture = new OperatorCapture({ tracker: { wasmBaseUrl: WASM, modelUrl } });
    cleanup.push(
      () => capture.dispose(),
      () => frames.dispose(),
    );
    capture.on('error', (e) => log.errors.push(e.message));
    capture.on('frame', ({ bytes }) => {
      log.captured++;
      frames.publish(bytes).then(
        () => log.published++,
        (e: Error) => log.errors.push(e.message),
      );
    });
    await capture.start();
    const voice = await OperatorVoice.start({ pitchSemitones: 2 });
    cleanup.push(() => voice.dispose());
    await voice.publish(transport.room!.localParticipant);
  },
  async startCustomer(identity) {
    const transport = await join(identity, 'customer');
    const room = transport.room!;
    room.on('trackSubscribed', (track, publication) => {
      if (track.kind === 'audio') log.audioTracks.push(publication.trackName);
    });
    const voice = new OperatorVoicePlayer(room, transport.audioContext ?? new AudioContext());
    voice.on('voice', (e) => log.voices.push(e.track ? e.identity : null));
    const frames = new OperatorFrames(room, { receiveOnly: true });
    const clock = new PerformanceClock();
    const puppet = new PuppetDriver({ clock, fallbackMouth: voice.lipsync });
    const mixer = new Mixer();
    mixer.addDriver(new IdleDriver());
    mixer.addDriver(puppet);
    puppet.on('state', ({ state }) => log.states.push(state));
    frames.on('frame', ({ frame, sender }) => {
      const b = frame.blendshapes;
      log.received.push({
        identity: sender.identity,
        seq: frame.seq,
        smile: (b[ArkitIndex.mouthSmileLeft]! + b[ArkitIndex.mouthSmileRight]!) / 2,
      });
      puppet.push(frame);
    });
    frames.on('security', (e) => log.security.push({ identity: e.sender.identity, reason: e.reason }));
    let last = clock.now();
    const timer = setInterval(() => {
      const now = clock.now();
      const out = mixer.update(now, now - last);
      last = now;
      log.maxHappy = Math.max(log.maxHappy, out.emotions[EmotionIndex.happy]!);
      log.maxVoiceMouth = Math.max(log.maxVoiceMouth, voice.lipsync.opening);
    }, 16);
    cleanup.push(
      () => clearInterval(timer),
      () => frames.dispose(),
      () => mixer.dispose(),
    );
  },
  async dispose() {
    for (const fn of cleanup.reverse()) await fn();
  },
};

window.puppetE2E = api;
