// Getting started with React: the avatar and the credit-card drop-in over the embedded local transport.
import avatarUrl from '@digital-human/avatars/assistant.vrm?url';
import portraitUrl from '@digital-human/avatars/thumbnail.png?url';
import { SessionRouter } from '@digital-human/core';
import { LocalTransport } from '@digital-human/dialog/local';
import { SpeechDriver, VisemeScheduler } from '@digital-human/lipsync';
import { createDigitalHumanSession, DigitalHuman, DigitalHumanProvider } from '@digital-human/react';
import { CardApplicationWidget } from '@digital-human/widgets';
import espeakData from '@echogarden/espeak-ng-emscripten/espeak-ng.data?url';
import { createRoot } from 'react-dom/client';

// One session: the store (captions, connection, avatar status) and the mixer the avatar pulls its face from.
const session = createDigitalHumanSession({ storeOptions: { initial: { language: 'zh-CN' } } });
// The transport: here the embedded default (dialog engine + dev voice in a worker; no server, no keys).
const audioContext = new AudioContext({ latencyHint: 'interactive' });
const transport = new LocalTransport({ audioContext, espeakData, businessFlows: true });
// Speech drives the mouth on the audio clock; the router feeds captions, visemes and emotion into the session.
const scheduler = new VisemeScheduler({ clock: audioContext });
session.mixer.addDriver(new SpeechDriver(scheduler));
const router = new SessionRouter({
  store: session.store,
  emotion: session.emotion,
  speech: scheduler,
  onController: (controller) => session.setController(controller),
});
router.attach(transport);
await transport.connect();

createRoot(document.getElementById('app') as HTMLElement).render(
  <DigitalHumanProvider session={session}>
    <CardApplicationWidget
      transport={transport}
      language="zh-CN"
      layout="mobile"
      avatar={<DigitalHuman src={avatarUrl} portrait={portraitUrl} quality="auto" />}
    />
  </DigitalHumanProvider>,
);
