import { EMOTIONS, type Emotion, type Viseme } from '@digital-human/core';
import type { Conversation } from './Conversation';
import type { StringKey } from './i18n';

const MOUTHS: readonly (Viseme | null)[] = [null, 'aa', 'ih', 'ou', 'E', 'oh', 'PP', 'FF'];

const el = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

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

/** The collapsible developer panel: emotion and mouth test buttons (quality and framing selects are in the HTML). */
export function renderDevPanel(conversation: Conversation, t: (key: StringKey) => string): void {
  const showEmotion = (name: Emotion | null) => {
    if (name === null) conversation.emotion.clear();
    else conversation.emotion.cue({ emotion: name, intensity: 1, durationMs: 60 * 60 * 1000 });
  };
  el('emotions').replaceChildren(
    button(t('neutral'), true, () => showEmotion(null)),
    ...EMOTIONS.map((name) => button(t(name), false, () => showEmotion(name))),
  );
  el('visemes').replaceChildren(
    ...MOUTHS.map((v) => button(v ?? t('rest'), v === null, () => conversation.holdMouth.hold(v))),
  );
}
