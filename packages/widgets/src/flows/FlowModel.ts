import { Emitter } from '@digital-human/core';
import { createMessage, type JsonMessage, type MessageOf } from '@digital-human/protocol';
import type { AnalyticsAdapter, DropOffReason, WidgetAnalyticsEvent, WidgetFlow } from './analytics';
import type {
  ActionPayload,
  CaptionLine,
  DisclosureView,
  FlowContent,
  OutgoingMessage,
  SurveyAnswer,
  WidgetLanguage,
} from './content';
import { takeContent, type WritableContent } from './takeContent';
import { WidgetError } from './WidgetError';

/** Options shared by every flow model. */
export interface FlowModelOptions {
  /** Where analytics events go (default: nowhere). */
  readonly analytics?: AnalyticsAdapter;
  /** Clock, ms (default `Date.now`). */
  readonly now?: () => number;
  /** Prefix of the idempotency ids of user actions (default: derived from the clock). */
  readonly idPrefix?: string;
  /** Language of the UI strings (default zh-CN). */
  readonly language?: WidgetLanguage;
}

/** Events of a flow model. */
export interface FlowModelEvents {
  /** The snapshot changed. */
  change: undefined;
  /** A message for the dialog service (the app's transport sends it). */
  send: OutgoingMessage;
}

/** The state of a flow as the UI renders it. `X` holds the flow's own extras. */
export interface FlowSnapshot<S extends string, X> {
  readonly step: S;
  readonly language: WidgetLanguage;
  readonly content: FlowContent;
  readonly captions: readonly CaptionLine[];
  /** A person has been asked for and not yet joined. */
  readonly handoffPending: boolean;
  /** Customer turns (actions and texts) so far. */
  readonly turns: number;
  readonly extra: X;
}

/** How many caption lines are kept. */
const CAPTION_LIMIT = 4;

/**
 * The framework-free core of every flow widget: a typed state machine over steps `S`. It consumes protocol
 * messages from the dialog service (`receive`), changes step only along its transition table and through its
 * guards, sends user actions (`send` events) and reports analytics events. Subclasses name the steps, the guards
 * and the KPIs of their flow.
 */
export abstract class FlowModel<S extends string, X> {
  /** The flow id (also the dialog's `FlowId`). */
  abstract readonly flow: WidgetFlow;
  protected readonly events = new Emitter<FlowModelEvents>();
  protected readonly now: () => number;
  private readonly analytics: AnalyticsAdapter | undefined;
  private readonly idPrefix: string;
  private pending: WritableContent = {};
  private snapshot: FlowSnapshot<S, X>;
  private counter = 0;
  private startedAt: number | undefined;
  private finished = false;
  private disposed = false;

  constructor(
    private readonly transitions: Readonly<Record<S, readonly S[]>>,
    initial: S,
    extra: X,
    options: FlowModelOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.analytics = options.analytics;
    this.idPrefix = options.idPrefix ?? `w${this.now().toString(36)}`;
    this.snapshot = {
      step: initial,
      language: options.language ?? 'zh-CN',
      content: {},
      captions: [],
      handoffPending: false,
      turns: 0,
      extra,
    };
  }

  /** The current state (a new object after every change; safe for `useSyncExternalStore`). */
  getSnapshot = (): FlowSnapshot<S, X> => this.snapshot;

  /** Calls `fn` after every change; returns the unsubscribe function. */
  subscribe = (fn: () => void): (() => void) => this.events.on('change', fn);

  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends keyof FlowModelEvents>(event: E, fn: (payload: FlowModelEvents[E]) => void): () => void {
    return this.events.on(event, fn);
  }

  /** The steps `step` may move to. */
  next(step: S): readonly S[] {
    return this.transitions[step];
  }

  /** Enters the flow: asks the dialog to start it and reports `flow_started`. */
  start(): void {
    this.alive();
    this.beginSession();
    this.act('flow.start', { flow: this.flow });
  }

  /** Switches the UI language (the dialog follows the customer's language on its own). */
  setLanguage(language: WidgetLanguage): void {
    this.update({ language });
  }

  /** Feeds one decoded message from the dialog service. Messages the flow does not use are ignored. */
  receive(message: JsonMessage): void {
    if (this.disposed) return;
    if (message.type === 'dialog.state') this.onDialogState(message);
    else if (message.type === 'speech.caption') this.onCaption(message);
    else if (message.type === 'handoff.state') this.update({ handoffPending: message.pending });
    else if (message.type === 'handoff.request') this.update({ handoffPending: true });
    else this.onContent(message);
  }

  /** Sends typed text as a customer turn. */
  say(text: string): void {
    this.alive();
    const trimmed = text.trim().slice(0, 1000);
    if (!trimmed) return;
    this.emitSend(
      createMessage('user.text', { id: this.newId(), text: trimmed, language: this.snapshot.language }),
    );
  }

  /** Taps a quick reply (sent as `quick_reply` with `payload.reply`, routed to the active flow). */
  quickReply(replyId: string): void {
    this.act('quick_reply', { reply: replyId });
  }

  /** Submits the current form with `values`. Subclasses may refuse (guards) by throwing a `WidgetError`. */
  submitForm(values: ActionPayload): void {
    const form = this.snapshot.content.form;
    if (!form) throw WidgetError.notAvailable(this.flow, 'form');
    this.act('form.submit', this.guardForm(form.formId, values), form.formId);
  }

  /** Presses a card or step button (`card.choose`, `next`, ...). */
  press(actionId: string, payload?: ActionPayload): void {
    this.act(actionId, payload);
  }

  /** The customer scrolled the disclosure to its end. */
  markDisclosureScrolled(): void {
    const d = this.snapshot.content.disclosure;
    if (!d || d.scrolled) return;
    this.setDisclosure({ ...d, scrolled: true });
    this.track({ type: 'disclosure', disclosureId: d.disclosureId, marker: 'scrolled' });
  }

  /** True when the disclosure may be acknowledged now (scrolled to the end when required). */
  canAcknowledge(): boolean {
    const d = this.snapshot.content.disclosure;
    return d !== undefined && !d.acknowledged && (!d.requireScroll || d.scrolled);
  }

  /** Acknowledges the disclosure; throws 'disclosure-unread' before it was scrolled to the end. */
  acknowledgeDisclosure(): void {
    const d = this.snapshot.content.disclosure;
    if (!d) throw WidgetError.notAvailable(this.flow, 'disclosure');
    if (!this.canAcknowledge()) throw WidgetError.disclosureUnread(d.disclosureId);
    this.setDisclosure({ ...d, acknowledged: true });
    this.track({ type: 'disclosure', disclosureId: d.disclosureId, marker: 'acknowledged' });
    this.act('disclosure.ack', { disclosureId: d.disclosureId }, d.disclosureId);
  }

  /** Asks for a person; reports `handoff_requested` (and a drop-off when the flow was not completed). */
  requestHandoff(): void {
    this.track({ type: 'handoff_requested' });
    this.act('handoff', { flow: this.flow, step: this.snapshot.step });
    this.update({ handoffPending: true });
    this.dropOff('handoff');
  }

  /** The customer left without finishing (closed the panel, walked away): reports a drop-off at this step. */
  abandon(reason: DropOffReason = 'abandoned'): void {
    this.dropOff(reason);
  }

  /** Sends the satisfaction survey and finishes the flow. Scores out of range are refused. */
  submitSurvey(answer: SurveyAnswer): void {
    const survey = this.snapshot.content.survey;
    if (!survey) throw WidgetError.notAvailable(this.flow, 'survey');
    if (answer.csat !== null && !(Number.isInteger(answer.csat) && answer.csat >= 1 && answer.csat <= 5))
      throw WidgetError.invalidInput(this.flow, 'csat');
    if (answer.nps !== null && !(Number.isInteger(answer.nps) && answer.nps >= 0 && answer.nps <= 10))
      throw WidgetError.invalidInput(this.flow, 'nps');
    const payload: Record<string, string | number> = {
      surveyId: survey.surveyId,
      text: answer.text.slice(0, 500),
    };
    if (answer.csat !== null) payload.csat = answer.csat;
    if (answer.nps !== null) payload.nps = answer.nps;
    this.act('survey.submit', payload, survey.surveyId);
    this.track({
      type: 'survey_submitted',
      csat: answer.csat,
      nps: answer.nps,
      hasText: answer.text.trim() !== '',
    });
    this.finished = true;
    if ('done' in this.transitions) this.goTo('done' as S);
  }

  /** Drops listeners; later calls that send throw 'disposed'. */
  dispose(): void {
    this.disposed = true;
    this.events.removeAllListeners();
  }

  /** Guard for form submissions: returns the payload to send, or throws a `WidgetError` to refuse. */
  protected guardForm(_formId: string, values: ActionPayload): ActionPayload {
    return values;
  }

  /** Guard for a step change the dialog asks for (return false to refuse). */
  protected canEnter(_from: S, _to: S): boolean {
    return true;
  }

  /** Called after the step changed. */
  protected onEnter(_step: S, _from: S): void {}

  /** Lets a subclass filter or reject `ui.*` content before it is shown (return undefined to drop it). */
  protected accept(message: JsonMessage): JsonMessage | undefined {
    return message;
  }

  /** Starts timing a customer's session and reports `flow_started`. */
  protected beginSession(): void {
    this.startedAt = this.now();
    this.finished = false;
    this.track({ type: 'flow_started' });
  }

  /** Milliseconds since the session began. */
  protected handlingTime(): number {
    return this.startedAt === undefined ? 0 : this.now() - this.startedAt;
  }

  /** Marks the flow completed and reports `flow_completed` (once). */
  protected complete(): void {
    if (this.finished) return;
    this.finished = true;
    this.track({ type: 'flow_completed', handlingTimeMs: this.handlingTime(), turns: this.snapshot.turns });
  }

  /** Reports an analytics event with the flow, step and time filled in. */
  protected track(event: DistributiveOmit<WidgetAnalyticsEvent, 'flow' | 'step' | 'at'>): void {
    const full = {
      ...event,
      flow: this.flow,
      step: this.snapshot.step,
      at: this.now(),
    } as WidgetAnalyticsEvent;
    try {
      this.analytics?.track(full);
    } catch {
      // An adapter failure must never break the customer's flow.
    }
  }

  /** Sends a user action with a fresh idempotency id; counts a turn. */
  protected act(kind: string, payload?: ActionPayload, target?: string): void {
    this.alive();
    const body: Omit<MessageOf<'user.action'>, 'v' | 'type'> = {
      id: this.newId(),
      kind,
      ...(target !== undefined ? { target } : {}),
      ...(payload !== undefined ? { payload: payload as MessageOf<'user.action'>['payload'] & object } : {}),
    };
    this.emitSend(createMessage('user.action', body));
  }

  /** Replaces fields of the snapshot and notifies subscribers. */
  protected update(patch: Partial<FlowSnapshot<S, X>>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    this.events.emit('change');
  }

  /** Replaces the flow's extras. */
  protected updateExtra(patch: Partial<X>): void {
    this.update({ extra: { ...this.snapshot.extra, ...patch } });
  }

  /** Moves to `to` (showing `content`) when the table and the guard allow it; returns whether it moved. */
  protected goTo(to: S, content: FlowContent = {}): boolean {
    const from = this.snapshot.step;
    if (to === from) return false;
    if (!this.transitions[from].includes(to) || !this.canEnter(from, to)) return false;
    this.snapshot = { ...this.snapshot, step: to, content };
    this.track({ type: 'step_entered', from });
    this.onEnter(to, from);
    this.events.emit('change');
    return true;
  }

  private dropOff(reason: DropOffReason): void {
    if (this.finished || this.startedAt === undefined) return;
    this.finished = true;
    this.track({ type: 'drop_off', reason, handlingTimeMs: this.handlingTime() });
  }

  private onDialogState(message: MessageOf<'dialog.state'>): void {
    const fresh: FlowContent = this.pending;
    this.pending = {};
    const step = message.flow === this.flow ? message.step : undefined;
    // A new step shows only what arrived for it; the same step merges the update into what is shown.
    if (step !== undefined && step in this.transitions && this.goTo(step as S, fresh)) return;
    this.update({ content: { ...this.snapshot.content, ...fresh } });
  }

  private onContent(message: JsonMessage): void {
    const accepted = this.accept(message);
    if (!accepted) return;
    const mark = takeContent(this.pending, accepted, this.snapshot.content);
    if (mark) this.track({ type: 'disclosure', disclosureId: mark.disclosureId, marker: mark.marker });
  }

  private onCaption(m: MessageOf<'speech.caption'>): void {
    const id = m.utteranceId ?? this.newId();
    const rest = this.snapshot.captions.filter((c) => c.id !== id);
    const captions = [...rest, { id, text: m.text, final: m.final }].slice(-CAPTION_LIMIT);
    this.update({ captions });
  }

  private setDisclosure(d: DisclosureView): void {
    this.update({ content: { ...this.snapshot.content, disclosure: d } });
  }

  private emitSend(message: OutgoingMessage): void {
    this.update({ turns: this.snapshot.turns + 1 });
    this.events.emit('send', message);
  }

  private newId(): string {
    this.counter += 1;
    return `${this.idPrefix}-${this.counter}`;
  }

  private alive(): void {
    if (this.disposed) throw WidgetError.modelDisposed(`the ${this.flow} flow model`);
  }
}

/** `Omit` applied to each member of a union. */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
