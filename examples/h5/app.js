// The page's own script: plain JavaScript, served as is (no bundler). It imports the self-hosted SDK files from
// ./sdk/ — the bank's own origin, no CDN.
import { defineDigitalHumanElement } from './sdk/element.js';

const params = new URLSearchParams(location.search);
const tokenEndpoint = params.get('token-endpoint');
/** @type {import('@digital-human/element').DigitalHumanElement} */
const dh = /** @type {any} */ (document.getElementById('dh'));

if (tokenEndpoint) {
  // Production shape: the bank's dialog service over LiveKit; the GPL demo file is never loaded.
  dh.setAttribute('transport', 'livekit');
  dh.setAttribute('token-endpoint', tokenEndpoint);
} else {
  // Demo shape: the reference dialog engine runs in the page (GPL synthesiser: demos only).
  const { registerLocalDemoTransport } = await import('./sdk/local-demo.js');
  registerLocalDemoTransport();
}
if (params.get('lang') === 'en') dh.setAttribute('lang', 'en');
defineDigitalHumanElement();

const events = /** @type {HTMLOListElement} */ (document.getElementById('events'));
/** Adds one line to the visible event log (as text, never HTML). */
function log(type, detail) {
  const item = document.createElement('li');
  item.textContent = `${type} ${JSON.stringify(detail)}`;
  events.prepend(item);
  while (events.children.length > 12) events.lastElementChild?.remove();
}
for (const type of ['dh-ready', 'dh-connection', 'dh-handoff-requested', 'dh-flow-completed'])
  dh.addEventListener(type, (e) => log(type, /** @type {CustomEvent} */ (e).detail));
dh.addEventListener('dh-error', (e) => log('dh-error', { code: e.detail.code, message: e.detail.message }));
dh.addEventListener('dh-caption', (e) => {
  if (e.detail.final) log('dh-caption', { speaker: e.detail.speaker, text: e.detail.text });
});

const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
byId('start').addEventListener('click', () => dh.start());
byId('stop').addEventListener('click', () => dh.stop());
byId('mute').addEventListener('click', async (e) => {
  const button = /** @type {HTMLButtonElement} */ (e.currentTarget);
  await dh.mute(!dh.muted);
  button.setAttribute('aria-pressed', String(dh.muted));
});
byId('lang').addEventListener('click', (e) => {
  const en = dh.getAttribute('lang') !== 'en';
  dh.setAttribute('lang', en ? 'en' : 'zh-CN');
  /** @type {HTMLButtonElement} */ (e.currentTarget).textContent = en ? '中文' : 'English';
});
byId('composer').addEventListener('submit', (e) => {
  e.preventDefault();
  const input = /** @type {HTMLInputElement} */ (byId('text'));
  const text = input.value.trim();
  if (text) void dh.say(text);
  input.value = '';
});
