// Browser side of the element's LiveKit e2e: the page a bank would write, with the built-in livekit transport.
// It records the element's events for the Node test in `window.elementE2E`.
import avatarUrl from '@digital-human/avatars/assistant.vrm?url';
import { defineDigitalHumanElement } from '../../src';

const log: Array<{ type: string; detail: unknown }> = [];
Object.assign(window, { elementE2E: log });
const dh = document.querySelector('digital-human')!;
dh.setAttribute('avatar', avatarUrl);
for (const type of ['dh-ready', 'dh-error', 'dh-caption', 'dh-connection', 'dh-handoff-requested'])
  dh.addEventListener(type, (e) => log.push({ type, detail: (e as CustomEvent).detail }));
defineDigitalHumanElement();
document.getElementById('start')!.addEventListener('click', () => dh.start());
