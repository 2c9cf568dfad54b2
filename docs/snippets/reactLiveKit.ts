// Talking to the bank's dialog service over LiveKit instead: only the transport changes.
import { SessionRouter } from '@digital-human/core';
import { SpeechDriver, VisemeScheduler } from '@digital-human/lipsync';
import { LiveKitTransport } from '@digital-human/livekit';
import { createDigitalHumanSession } from '@digital-human/react';

const session = createDigitalHumanSession();
const audioContext = new AudioContext({ latencyHint: 'interactive' });
// The page asks the bank's endpoint for `{ url, token }`; the API secret stays on the server.
const transport = new LiveKitTransport({ tokenEndpoint: '/api/dh/token', audioContext });
const scheduler = new VisemeScheduler({ clock: audioContext });
session.mixer.addDriver(new SpeechDriver(scheduler));
const router = new SessionRouter({ store: session.store, emotion: session.emotion, speech: scheduler });
// Messages arrive validated and checked against the sender's server-set role; speech start/finish events place
// each utterance's visemes on the audio clock.
router.attach(transport);
// Browsers may block sound until a tap: show a "tap for sound" button and call startAudio() from it.
transport.events.on('audioplayback', ({ canPlay }) => {
  document.getElementById('tap-for-sound')?.toggleAttribute('hidden', canPlay);
});
await transport.connect();
