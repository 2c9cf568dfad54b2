import { type AvatarQuality, AvatarView } from '@digital-human/avatar';
import avatarUrl from '@digital-human/avatars/assistant.vrm?url';
import portraitUrl from '@digital-human/avatars/thumbnail.png?url';
import { EMOTIONS, type Emotion, EmotionDriver, IdleDriver, Mixer, type Viseme } from '@digital-human/core';
import { HoldMouthDriver } from './HoldMouthDriver';
import { type Language, STRINGS, type StringKey } from './i18n';

const MOUTHS: readonly (Viseme | null)[] = [null, 'aa', 'ih', 'ou', 'E', 'oh', 'PP', 'FF'];

const mixer = new Mixer();
const idle = new IdleDriver();
const emotion = new EmotionDriver();
const mouth = new HoldMouthDriver();
mixer.addDriver(idle);
mixer.addDriver(emotion);
mixer.addDriver(mouth);

const el = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
let language: Language = navigator.language.startsWith('zh') ? 'zh-CN' : 'en';
let view = createView('auto', 'bust');

function t(key: StringKey): string {
  return STRINGS[language][key];
}

function createView(quality: AvatarQuality, framing: 'bust' | 'full'): AvatarView {
  const next = new AvatarView({ container: el('avatar'), frameSource: mixer, quality, framing, portraitUrl });
  next.on('fallback', () => setStatus('fallback'));
  next.on('error', () => setStatus('error'));
  setStatus('loading');
  next
    .load(avatarUrl)
    .then(() => setStatus(next.mode === 'webgl' ? 'ready' : 'fallback'))
    .catch(() => setStatus('error'));
  next.setCaption(t('caption'));
  return next;
}

function setStatus(key: StringKey): void {
  el('status').textContent = t(key);
}

function button(label: string, pressed: boolean, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.setAttribute('aria-pressed', String(pressed));
  b.addEventListener('click', () => {
    for (const sibling of b.parentElement?.children ?? []) sibling.setAttribute('aria-pressed', 'false');
    b.setAttribute('aria-pressed', 'true');
    onClick();
  });
  return b;
}

function showEmotion(name: Emotion | null): void {
  if (name === null) emotion.clear();
  else emotion.cue({ emotion: name, intensity: 1, durationMs: 60 * 60 * 1000 });
}

function render(): void {
  document.documentElement.lang = language;
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    node.textContent = t(node.dataset.i18n as StringKey);
  }
  el('lang').textContent = t('language');
  el('emotions').replaceChildren(
    button(t('neutral'), true, () => showEmotion(null)),
    ...EMOTIONS.map((name) => button(t(name), false, () => showEmotion(name))),
  );
  el('visemes').replaceChildren(
    ...MOUTHS.map((v) => button(v ?? t('rest'), v === null, () => mouth.hold(v))),
  );
  view.setCaption(t('caption'));
}

el('lang').addEventListener('click', () => {
  language = language === 'zh-CN' ? 'en' : 'zh-CN';
  render();
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
