import avatarUrl from '@digital-human/avatars/assistant.vrm?url';
import portraitUrl from '@digital-human/avatars/thumbnail.png?url';
import type { DeskView } from '@digital-human/dialog-server';
import { ConsoleView } from './ConsoleView';
import { DeskClient, type DeskLogin } from './DeskClient';
import { button, h } from './dom';
import { HeldRoom } from './HeldRoom';
import { type Language, STRINGS, type StringKey } from './i18n';
import { OperatorStudio } from './OperatorStudio';
import './style.css';

const params = new URLSearchParams(location.search);
let language: Language = params.get('lang') === 'en' ? 'en' : 'zh-CN';
const t = (key: StringKey) => STRINGS[language][key];
const el = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** Rooms joined as the operator, by room name. */
const rooms = new Map<string, HeldRoom>();
let desk: DeskClient | null = null;
let studio: OperatorStudio | null = null;
let live: string | undefined;
let lastView: DeskView | null = null;
let operatorId = '';

function room(name: string): HeldRoom {
  let r = rooms.get(name);
  if (!r) {
    const client = desk!;
    r = new HeldRoom(name, operatorId, () => client.join(name));
    rooms.set(name, r);
    void r.connect().catch(() => rooms.delete(name));
  }
  return r;
}

/**
 * Rooms that get the operator's face frames: the live one, and (warm standby) those of waiting requests, whose
 * customers buffer the frames but show them only once the service says the operator controls — so a take over
 * drives the very next frame. Held sessions that are on hold get none: their avatar idles attentively.
 */
const standby = new Set<string>();

function publishFrame(bytes: Uint8Array): void {
  if (live) rooms.get(live)?.publishFrame(bytes);
  for (const name of standby) if (name !== live) rooms.get(name)?.publishFrame(bytes);
}

/**
 * After a take over, the voice is published this much later: publishing a track is main-thread work (WebRTC
 * renegotiation) that otherwise starves the face tracker for a few hundred ms just when the customer's avatar
 * needs the operator's first frames; the crossfade (300 ms) is over by then.
 */
const VOICE_AFTER_TAKE_OVER_MS = 500;

/** The live room gets the operator's voice (after `voiceDelayMs`); the others do not. */
function setLive(name: string | undefined, voiceDelayMs = 0): void {
  if (live === name) return;
  live = name;
  const target = name ? room(name) : null;
  for (const [n, r] of rooms) if (n !== name) void r.publishVoice(null);
  const voice = studio?.voice;
  if (!target || !voice) return;
  if (voiceDelayMs <= 0) void target.publishVoice(voice);
  else setTimeout(() => live === name && void target.publishVoice(voice), voiceDelayMs);
}

const view = new ConsoleView(
  el('desk'),
  {
    takeOver: (name) => {
      const r = room(name);
      void r.takeOver();
      setLive(name, VOICE_AFTER_TAKE_OVER_MS);
    },
    handBack: (name) => {
      if (live === name) setLive(undefined);
      void rooms.get(name)?.handBack();
    },
    sendText: (name, text) => void rooms.get(name)?.say(text),
    speak: (name, text) => {
      el('prompter').textContent = `${t('readAloud')} ${text}`;
      void rooms.get(name)?.say(text);
    },
  },
  language,
);

function onView(v: DeskView): void {
  lastView = v;
  view.update(v);
  // Join the rooms of waiting requests early, so a take over is one message, not a join.
  standby.clear();
  for (const ticket of v.queue.slice(0, 3)) {
    room(ticket.room);
    standby.add(ticket.room);
  }
  for (const ticket of v.held) room(ticket.room);
  setLive(v.live);
}

async function goOnline(login: DeskLogin): Promise<void> {
  operatorId = login.operatorId;
  desk = new DeskClient(login);
  desk.events.on('status', (s) => {
    el('status').textContent = t(s === 'online' ? 'online' : s === 'offline' ? 'offline' : 'connecting');
  });
  desk.events.on('view', onView);
  desk.events.on('assist', (note) => view.addAssist(note));
  desk.events.on('security', (e) => {
    el('security').textContent = `${t('security')} (${e.identity}: ${e.attempted})`;
  });
  el('login').hidden = true;
  await desk.connect();
}

function renderLogin(): void {
  const form = el<HTMLFormElement>('login');
  const field = (key: StringKey, name: string, value: string, type = 'text') => {
    const label = h('label', '', t(key));
    const input = h('input');
    input.name = name;
    input.type = type;
    input.value = value;
    label.append(input);
    return label;
  };
  form.replaceChildren(
    field('operatorId', 'operator', params.get('operator') ?? 'op-001'),
    field('secret', 'secret', params.get('secret') ?? '', 'password'),
    field('skills', 'skills', params.get('skills') ?? 'general,soothing,complaints'),
    button(t('login'), 'login', () => form.requestSubmit(), 'primary'),
  );
  form.onsubmit = (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const skills = String(data.get('skills') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    void goOnline({ operatorId: String(data.get('operator')), secret: String(data.get('secret')), skills });
  };
}

function renderStudio(): void {
  studio = new OperatorStudio(el('preview'), avatarUrl, portraitUrl);
  studio.setSink(publishFrame);
  // `?preview=off` stops rendering the preview (saves the CPU for face tracking on a loaded machine).
  if (params.get('preview') === 'off') studio.view.pause();
  const s = studio;
  const status = el('camera-status');
  const bar = el('studio-controls');
  const camera = button(t('camera'), 'camera', () => {
    if (s.capture?.active) {
      s.stopCamera();
      camera.textContent = t('camera');
      status.textContent = '';
      return;
    }
    s.startCamera().then(
      () => {
        camera.textContent = t('cameraOff');
        status.textContent = t('cameraOn');
      },
      () => {
        status.textContent = t('cameraFailed');
      },
    );
  });
  const mic = button(t('voice'), 'voice', () => {
    if (s.voice) {
      void s.stopVoice().then(() => setLiveVoice());
      mic.textContent = t('voice');
      return;
    }
    s.startVoice().then(
      () => {
        mic.textContent = t('voiceOff');
        setLiveVoice();
      },
      () => undefined,
    );
  });
  const away = h('select');
  away.dataset.testid = 'away';
  away.append(new Option(t('awayHold'), 'hold'), new Option(t('awayAi'), 'ai'));
  away.onchange = () => void desk?.setAway(away.value === 'ai' ? 'ai' : 'hold');
  const awayLabel = h('label', '', `${t('awayMode')}: `);
  awayLabel.append(away);
  bar.replaceChildren(camera, mic, awayLabel);
  relabelStudio = () => {
    camera.textContent = t(s.capture?.active ? 'cameraOff' : 'camera');
    mic.textContent = t(s.voice ? 'voiceOff' : 'voice');
    awayLabel.firstChild!.textContent = `${t('awayMode')}: `;
    away.options[0]!.text = t('awayHold');
    away.options[1]!.text = t('awayAi');
  };
}

/** Relabels the studio's controls after a language switch. */
let relabelStudio = (): void => undefined;

function setLiveVoice(): void {
  if (live) void rooms.get(live)?.publishVoice(studio?.voice ?? null);
}

function renderChrome(): void {
  document.documentElement.lang = language;
  document.title = t('title');
  el('title').textContent = t('title');
  el('preview-title').textContent = t('preview');
  const toggle = el('lang');
  toggle.textContent = language === 'zh-CN' ? 'English' : '中文';
  toggle.onclick = () => {
    language = language === 'zh-CN' ? 'en' : 'zh-CN';
    view.setLanguage(language);
    renderChrome();
    relabelStudio();
    if (lastView) view.update(lastView);
  };
}

renderChrome();
renderLogin();
renderStudio();
if (params.get('autologin') === '1') el<HTMLFormElement>('login').requestSubmit();

let lastClick = 0;
document.addEventListener(
  'click',
  (e) => {
    lastClick = performance.timeOrigin + e.timeStamp;
  },
  true,
);

/** Dev and test hook: the console's state, read by the end-to-end test. */
(window as unknown as { __console: unknown }).__console = {
  get view() {
    return lastView;
  },
  get live() {
    return live;
  },
  get cameraOn() {
    return studio?.capture?.status === 'on';
  },
  get lastClick() {
    return lastClick;
  },
  get captureStats() {
    return studio?.capture?.stats ?? null;
  },
};
