// An H5 page's script with <digital-human> (no React). In a plain page, import from your self-hosted build
// (e.g. './sdk/element.js'); with a bundler, from the package.

import { LocalTransport } from '@digital-human/dialog/local';
import { defineDigitalHumanElement, registerTransport } from '@digital-human/element';

/** Your page's own output (a status line, your logger). */
declare function show(...parts: unknown[]): void;

// Demos only: the reference dialog engine in the page (GPL voice). Production pages set `transport="livekit"` and
// `token-endpoint` instead and never load this.
if (location.hostname === 'localhost')
  registerTransport('local', ({ audioContext, language }) => new LocalTransport({ audioContext, language }));

defineDigitalHumanElement();
const dh = document.querySelector('digital-human');
if (!dh) throw new Error('no <digital-human> on the page');

dh.addEventListener('dh-ready', (e) => show('avatar', e.detail.mode)); // 'webgl' or 'fallback'
dh.addEventListener('dh-caption', (e) => {
  if (e.detail.final) show(e.detail.speaker, e.detail.text);
});
dh.addEventListener('dh-connection', (e) => show('connection', e.detail.state));
dh.addEventListener('dh-error', (e) => console.warn(e.detail.code, e.detail.message));
dh.addEventListener('dh-handoff-requested', (e) => show('a person is needed:', e.detail.reason));
dh.addEventListener('dh-flow-completed', (e) => show('completed', e.detail.flow));

// start() needs a user gesture (it creates the AudioContext); methods resolve false instead of throwing.
document.getElementById('start')?.addEventListener('click', () => void dh.start());
document.getElementById('mute')?.addEventListener('click', () => void dh.mute(!dh.muted));
document.querySelector('form')?.addEventListener('submit', (e) => {
  e.preventDefault();
  const input = document.querySelector('input');
  if (input?.value) void dh.say(input.value);
});
