import type { Caption, SessionRouter } from '@digital-human/core';
import type { Conversation } from './Conversation';
import type { StringKey } from './i18n';

type Reply = { readonly id: string; readonly label: string };

const el = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/**
 * The talking part of the page: the conversation log, quick replies, the text input and the "tap to start sound"
 * prompt. Text is always set with `textContent` (messages are untrusted plain text).
 */
export class ChatPanel {
  private replies: readonly Reply[] = [];
  private readonly offs: (() => void)[] = [];

  constructor(
    private readonly conversation: Conversation,
    private readonly t: (key: StringKey) => string,
    private readonly onCaption: (text: string) => void,
  ) {
    const { store, router, transport } = conversation;
    this.offs.push(
      store.subscribe((s, prev) => {
        if (s.captions !== prev.captions) this.renderLog(s.captions);
      }),
      subscribeUi(router, (replies) => {
        this.replies = replies;
        this.renderReplies();
      }),
      router.events.on('dialogstate', (m) => this.setState(m.state)),
      transport.events.on('audioplayback', ({ canPlay }) => {
        el('unlock').hidden = canPlay;
      }),
    );
    el('unlock').addEventListener('click', () => void transport.startAudio());
    el<HTMLFormElement>('composer').addEventListener('submit', (e) => {
      e.preventDefault();
      const input = el<HTMLInputElement>('input');
      const text = input.value.trim();
      if (!text) return;
      input.value = '';
      void this.conversation.transport.startAudio();
      void this.conversation.say(text);
    });
    this.renderLog(store.getState().captions);
  }

  /** Re-renders texts after a language switch. */
  render(): void {
    el<HTMLInputElement>('input').placeholder = this.t('placeholder');
    this.renderLog(this.conversation.store.getState().captions);
    this.renderReplies();
  }

  dispose(): void {
    for (const off of this.offs) off();
  }

  private setState(state: 'idle' | 'listening' | 'thinking' | 'speaking'): void {
    el('dialog-state').textContent = this.t(state);
  }

  private renderReplies(): void {
    const buttons = this.replies.map((r) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'chip';
      b.textContent = r.label;
      b.addEventListener('click', () => {
        void this.conversation.transport.startAudio();
        void this.conversation.tapQuickReply(r.id, r.label);
      });
      return b;
    });
    el('replies').replaceChildren(...buttons);
  }

  private renderLog(captions: readonly Caption[]): void {
    const items = captions.map((c) => {
      const li = document.createElement('li');
      li.className = c.speaker === 'customer' ? 'me' : 'bot';
      const who = document.createElement('span');
      who.className = 'who';
      who.textContent = this.t(c.speaker === 'customer' ? 'you' : 'assistant');
      const text = document.createElement('span');
      text.textContent = c.text;
      li.append(who, text);
      return li;
    });
    const log = el('log');
    log.replaceChildren(...items);
    log.scrollTop = log.scrollHeight;
    const last = [...captions].reverse().find((c) => c.speaker !== 'customer');
    this.onCaption(last?.text ?? '');
  }
}

/** Quick replies from `ui.quick_replies` messages. */
function subscribeUi(router: SessionRouter, set: (replies: readonly Reply[]) => void): () => void {
  return router.events.on('ui', (m) => {
    if (m.type === 'ui.quick_replies') set(m.replies);
  });
}
