import type { AssistNote, DeskView, HandoffTicket } from '@digital-human/dialog-server';
import { button, h } from './dom';
import { type Language, MOODS, REASONS, STRINGS, type StringKey } from './i18n';

/** What the view asks the console to do. */
export interface ConsoleActions {
  takeOver(room: string): void;
  handBack(room: string): void;
  sendText(room: string, text: string): void;
  speak(room: string, text: string): void;
}

/**
 * Renders the desk: the queue (reason, wait, mood, flow and step), the operator's held sessions with one-click
 * switching, and the selected session's live transcript with agent assist. Every string from the wire is set as
 * text (`textContent`), never as HTML.
 */
export class ConsoleView {
  private view: DeskView | null = null;
  private readonly assist = new Map<string, AssistNote>();
  private draft = '';

  constructor(
    private readonly root: HTMLElement,
    private readonly actions: ConsoleActions,
    private language: Language,
  ) {}

  private t(key: StringKey): string {
    return STRINGS[this.language][key];
  }

  /** Switches the UI language. */
  setLanguage(language: Language): void {
    this.language = language;
    this.render();
  }

  /** A new desk view. */
  update(view: DeskView): void {
    this.view = view;
    this.render();
  }

  /** Agent assist for one session (suggestions and facts merge until the next customer line). */
  addAssist(note: AssistNote): void {
    const prev = this.assist.get(note.sessionId);
    this.assist.set(note.sessionId, {
      ...note,
      suggestions: note.suggestions.length ? note.suggestions : (prev?.suggestions ?? []),
      facts: note.facts.length ? note.facts : (prev?.facts ?? []),
    });
    this.render();
  }

  private render(): void {
    const v = this.view;
    if (!v) return;
    const focus = v.held.find((t) => t.sessionId === v.live) ?? v.held[0];
    const typing = this.composerInput();
    const caret = typing === document.activeElement ? typing?.selectionStart : null;
    this.root.replaceChildren(this.queue(v.queue), this.heldList(v.held, v.live), this.detail(focus));
    // A new transcript line re-renders the panel: the operator keeps typing where they were.
    const input = this.composerInput();
    if (input && caret !== null && caret !== undefined) {
      input.focus();
      input.setSelectionRange(caret, caret);
    }
  }

  private composerInput(): HTMLInputElement | null {
    return this.root.querySelector<HTMLInputElement>('input[data-testid=composer]');
  }

  private queue(tickets: readonly HandoffTicket[]): HTMLElement {
    const section = h('section', 'panel queue');
    section.append(h('h2', '', `${this.t('queue')} (${tickets.length})`));
    if (tickets.length === 0) section.append(h('p', 'empty', this.t('queueEmpty')));
    for (const t of tickets) {
      const item = h('article', 'ticket');
      item.dataset.room = t.room;
      const waited = t.requestedAt ? Math.max(0, Math.round((Date.now() - t.requestedAt) / 1000)) : 0;
      item.append(
        h('strong', 'reason', REASONS[t.reason ?? '']?.[this.language] ?? t.reason ?? ''),
        h('span', 'meta', `${this.t('waited')} ${waited}${this.t('seconds')}`),
        this.mood(t),
        this.flow(t),
        h('p', 'last', t.transcript.at(-1)?.text ?? ''),
        button(this.t('takeOver'), 'take-over', () => this.actions.takeOver(t.room), 'primary'),
      );
      section.append(item);
    }
    return section;
  }

  private heldList(tickets: readonly HandoffTicket[], live: string | undefined): HTMLElement {
    const section = h('section', 'panel held');
    section.append(h('h2', '', this.t('held')));
    if (tickets.length === 0) section.append(h('p', 'empty', this.t('heldEmpty')));
    for (const t of tickets) {
      const label = `${t.customerIdentity.slice(0, 18)} · ${this.t(t.phase)}`;
      const b = button(
        label,
        'switch',
        () => this.actions.takeOver(t.room),
        t.sessionId === live ? 'tab live' : 'tab',
      );
      b.dataset.room = t.room;
      b.title = this.t('switchTo');
      section.append(b);
    }
    return section;
  }

  private detail(t: HandoffTicket | undefined): HTMLElement {
    const section = h('section', 'panel detail');
    if (!t) {
      section.append(h('p', 'empty', this.t('pick')));
      return section;
    }
    section.dataset.room = t.room;
    section.append(
      h('h2', '', `${this.t('transcript')} · ${this.t(t.phase)}`),
      this.mood(t),
      this.flow(t),
      this.lines(t),
      button(this.t('handBack'), 'hand-back', () => this.actions.handBack(t.room)),
      this.assistPanel(t),
      this.composer(t),
    );
    return section;
  }

  private mood(t: HandoffTicket): HTMLElement {
    const s = t.sentiment;
    const label = MOODS[s.label]?.[this.language] ?? s.label;
    const text = `${this.t('sentiment')}: ${label} (${s.valence.toFixed(2)})`;
    const el = h('span', s.negativeStreak > 0 || s.valence < -0.3 ? 'mood negative' : 'mood', text);
    return el;
  }

  private flow(t: HandoffTicket): HTMLElement {
    return h('span', 'flow', `${this.t('flow')}: ${t.flow ?? '—'} · ${this.t('step')}: ${t.step ?? '—'}`);
  }

  private lines(t: HandoffTicket): HTMLElement {
    const list = h('ol', 'lines');
    for (const line of t.transcript.slice(-30)) {
      const li = h('li', `line ${line.speaker}`);
      li.append(h('b', '', `${this.t(line.speaker)}: `), document.createTextNode(line.text));
      list.append(li);
    }
    return list;
  }

  private assistPanel(t: HandoffTicket): HTMLElement {
    const note = this.assist.get(t.sessionId);
    const box = h('div', 'assist');
    box.append(h('h3', '', this.t('suggestions')));
    for (const s of note?.suggestions ?? []) {
      const row = h('div', 'suggestion');
      row.append(
        h('p', '', s),
        button(this.t('speak'), 'speak', () => this.actions.speak(t.room, s)),
        button(this.t('sendText'), 'send-suggestion', () => this.actions.sendText(t.room, s)),
      );
      box.append(row);
    }
    if (note?.facts.length) {
      box.append(h('h3', '', this.t('facts')));
      const dl = h('dl', 'facts');
      for (const f of note.facts) dl.append(h('dt', '', f.label), h('dd', '', f.value));
      box.append(dl);
    }
    return box;
  }

  private composer(t: HandoffTicket): HTMLElement {
    const form = h('form', 'composer');
    const input = h('input');
    input.placeholder = this.t('typeHere');
    input.value = this.draft;
    input.dataset.testid = 'composer';
    input.addEventListener('input', () => {
      this.draft = input.value;
    });
    form.append(
      input,
      button(this.t('send'), 'send', () => form.requestSubmit()),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const text = input.value.trim();
      if (!text) return;
      this.draft = '';
      input.value = '';
      this.actions.sendText(t.room, text);
    });
    return form;
  }
}
