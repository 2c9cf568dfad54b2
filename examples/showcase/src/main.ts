import { type AvatarQuality, AvatarView } from '@digital-human/avatar';
import avatarUrl from '@digital-human/avatars/assistant.vrm?url';
import portraitUrl from '@digital-human/avatars/thumbnail.png?url';
import type { FaceFrame } from '@digital-human/core';
import { CameraConsent } from './CameraConsent';
import { ChatPanel } from './ChatPanel';
import { Conversation } from './Conversation';
import { renderDevPanel } from './DevPanel';
import { FlowsView, type ShowcaseTab, TAB_LABELS } from './FlowsView';
import { type Language, STRINGS, type StringKey } from './i18n';

const el = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const params = new URLSearchParams(location.search);
let language: Language = (params.get('lang') ?? 'zh-CN') === 'en' ? 'en' : 'zh-CN';
const t = (key: StringKey): string => STRINGS[language][key];

/** Avatar status messages and the store's avatar status they mean. */
const AVATAR_STATUS = { loading: 'loading', ready: 'ready', fallback: 'fallback', error: 'error' } as const;

const conversation = new Conversation(language);
let lastFrame: FaceFrame | null = null;
// The avatar reads the mixer through this source; the dev hook keeps the last frame for tests.
const frameSource = {
  update(time: number, dt: number): FaceFrame {
    lastFrame = conversation.mixer.update(time, dt);
    return lastFrame;
  },
};
let caption = '';
let view = createView('auto', 'bust');
const chat = new ChatPanel(conversation, t, (text) => {
  caption = text;
  view.setCaption(text);
});

function createView(quality: AvatarQuality, framing: 'bust' | 'full'): AvatarView {
  const next = new AvatarView({ container: el('avatar'), frameSource, quality, framing, portraitUrl });
  next.on('fallback', () => setStatus('fallback'));
  next.on('error', () => setStatus('error'));
  setStatus('loading');
  next
    .load(avatarUrl)
    .then(() => setStatus(next.mode === 'webgl' ? 'ready' : 'fallback'))
    .catch(() => setStatus('error'));
  next.setCaption(caption);
  return next;
}

const flows = new FlowsView(el('flows'), conversation);
const camera = new CameraConsent(conversation, el('camera'), el('camera-indicator'), t, (present) =>
  flows.presence(present),
);
const TABS = Object.keys(TAB_LABELS) as ShowcaseTab[];

/** The tab bar: 智能对话 / 办卡 / 网点迎宾 / 理财顾问. */
function renderTabs(): void {
  const bar = el('tabs');
  bar.setAttribute('role', 'tablist');
  bar.replaceChildren(
    ...TABS.map((tab) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.setAttribute('role', 'tab');
      button.dataset.tab = tab;
      button.setAttribute('aria-selected', String(flows.current === tab));
      button.textContent = TAB_LABELS[tab][language];
      button.addEventListener('click', () => openTab(tab));
      return button;
    }),
  );
}

/** Opens a tab: the chat (the avatar view runs) or a flow widget (the chat's avatar view pauses). */
function openTab(tab: ShowcaseTab): void {
  void conversation.transport.startAudio();
  conversation.transport.interrupt();
  const chatShown = tab === 'chat';
  document.querySelector<HTMLElement>('main.showcase')?.toggleAttribute('hidden', !chatShown);
  if (chatShown) view.start();
  else view.pause();
  flows.show(tab, language);
  renderTabs();
}

function setStatus(key: keyof typeof AVATAR_STATUS): void {
  el('status').textContent = t(key);
  conversation.store.getState().setAvatarStatus(AVATAR_STATUS[key]);
}

function render(): void {
  document.documentElement.lang = language;
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    node.textContent = t(node.dataset.i18n as StringKey);
  }
  el('lang').textContent = t('language');
  renderDevPanel(conversation, t);
  chat.render();
  camera.render();
  renderTabs();
}

el('lang').addEventListener('click', () => {
  language = language === 'zh-CN' ? 'en' : 'zh-CN';
  render();
  void conversation.hello(language);
});
for (const id of ['quality', 'framing']) {
  el<HTMLSelectElement>(id).addEventListener('change', () => {
    view.dispose();
    view = createView(
      el<HTMLSelectElement>('quality').value as AvatarQuality,
      el<HTMLSelectElement>('framing').value as 'bust' | 'full',
    );
  });
}
render();
void conversation.start();
const initialTab = params.get('flow');
if (initialTab && (TABS as string[]).includes(initialTab)) openTab(initialTab as ShowcaseTab);

if (import.meta.env.DEV) {
  // Debug hook for the e2e test and the console: never in a production build.
  Object.assign(window, {
    __dh: {
      conversation,
      flows,
      openTab,
      /** Total viseme weight other than silence in the last rendered frame (0 = mouth at rest). */
      mouthOpen: () => (lastFrame ? lastFrame.visemes.reduce((s, w, i) => (i === 0 ? s : s + w), 0) : 0),
    },
  });
}
