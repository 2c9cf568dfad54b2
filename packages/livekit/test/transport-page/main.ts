// Browser side of the transport e2e: a customer page using LiveKitTransport exactly as an app would.
import { createMessage } from '@digital-human/protocol';
import type { RemoteTrack } from 'livekit-client';
import { LiveKitTransport, type LiveKitTransportError } from '../../src';
import type { TransportLog, TransportPageApi } from './transportApi';

const log: TransportLog = {
  connection: [],
  audioplayback: [],
  messages: [],
  security: [],
  rejected: [],
  speechstarted: [],
  speechfinished: [],
  transcription: [],
  errors: [],
  trackOnsets: [],
};

/**
 * Measures, independently of the transport, when sound starts on the agent's received audio track: an analyser
 * on the transport's audio context, read every 5 ms; an onset is the first loud read after 100 ms of quiet.
 */
function watchTrackOnsets(t: LiveKitTransport): void {
  const context = t.audioContext!;
  const room = t.room!;
  const watch = (track: RemoteTrack) => {
    if (track.kind !== 'audio') return;
    const analyser = context.createAnalyser();
    analyser.fftSize = 256;
    context.createMediaStreamSource(new MediaStream([track.mediaStreamTrack])).connect(analyser);
    const data = new Float32Array(analyser.fftSize);
    let quietSince = context.currentTime;
    let loud = false;
    setInterval(() => {
      analyser.getFloatTimeDomainData(data);
      let peak = 0;
      for (const v of data) peak = Math.max(peak, Math.abs(v));
      const now = context.currentTime;
      if (peak < 0.02) {
        if (loud) quietSince = now;
        loud = false;
      } else if (!loud) {
        loud = true;
        if (now - quietSince > 0.1) log.trackOnsets.push(now);
      }
    }, 5);
  };
  room.on('trackSubscribed', watch);
  for (const participant of room.remoteParticipants.values())
    for (const publication of participant.audioTrackPublications.values())
      if (publication.track) watch(publication.track);
}
let transport: LiveKitTransport | undefined;

function watch(t: LiveKitTransport): void {
  t.events.on('connection', (change) => log.connection.push(change));
  t.events.on('audioplayback', ({ canPlay }) => log.audioplayback.push(canPlay));
  t.events.on('message', ({ message, sender }) => {
    log.messages.push({ type: message.type, identity: sender.identity, role: sender.role });
    // Acknowledge every card: exercises send() with validation, and lets the agent time the round trip.
    if (message.type === 'ui.card')
      void t.send(createMessage('ack', { ackId: message.card.cardId, ok: true }));
  });
  t.events.on('security', ({ sender, ...rest }) => log.security.push({ ...rest, identity: sender.identity }));
  t.events.on('rejected', ({ code }) => log.rejected.push(code));
  t.events.on('speechstarted', ({ segment, sampleRate, sender, utteranceId, startTime }) =>
    log.speechstarted.push({ segment, sampleRate, identity: sender.identity, utteranceId, startTime }),
  );
  t.events.on('speechfinished', ({ segment, position, interrupted, sender }) =>
    log.speechfinished.push({ segment, position, interrupted, identity: sender.identity }),
  );
  t.events.on('transcription', ({ text, segmentId, final, sender }) =>
    log.transcription.push({ text, segmentId, final, identity: sender.identity }),
  );
  t.events.on('error', (error) => log.errors.push(error.message));
}

const api: TransportPageApi = {
  log,
  async connect(tokenEndpoint, identity, blockedAudio = false) {
    // Headless Chromium never blocks autoplay, so a blocked context is simulated by suspending one.
    const audioContext = blockedAudio ? new AudioContext() : undefined;
    await audioContext?.suspend();
    transport = new LiveKitTransport({
      tokenEndpoint,
      tokenRequest: { body: { identity } },
      ...(audioContext && { audioContext }),
    });
    watch(transport);
    await transport.connect();
  },
  async failingConnect(how) {
    const options =
      how === 'token-refused'
        ? { tokenEndpoint: '/token', tokenRequest: { body: { identity: 'refused' } } }
        : { getCredentials: async () => ({ url: 'ws://127.0.0.1:9', token: 'x.y.z' }) };
    const failing = new LiveKitTransport(options);
    const states: string[] = [];
    failing.events.on('connection', ({ state }) => states.push(state));
    const code = await failing.connect().then(
      () => 'connected',
      (error: LiveKitTransportError) => error.code,
    );
    await failing.dispose();
    return { code, states };
  },
  watchTrackOnsets: () => watchTrackOnsets(transport!),
  enableMicrophone: () => transport!.enableMicrophone(),
  setMicrophoneMuted: (muted) => transport!.microphone!.setMuted(muted),
  simulate: (scenario) => transport!.room!.simulateScenario(scenario),
  disconnect: () => transport!.disconnect(),
  rejoin: () => transport!.connect(),
  dispose: () => transport!.dispose(),
  status: () => ({
    state: transport?.state ?? 'none',
    canPlayAudio: transport?.canPlayAudio ?? false,
    audioContextState: transport?.audioContext?.state ?? 'none',
  }),
};

// The "tap to enable sound" prompt of a real app: any click unlocks audio from the user gesture.
document.addEventListener('click', () => void transport?.startAudio());

window.transportE2E = api;
