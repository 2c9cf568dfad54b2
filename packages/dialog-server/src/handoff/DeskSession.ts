import {
  createMessage,
  FACE_FRAME_TYPE,
  type Message,
  ProtocolError,
  type Sender,
} from '@digital-human/protocol';
import type { Session } from '../Session';
import type { SessionEvents } from '../SessionEvents';
import { assistFacts } from './assistFacts';
import { ConversationLog } from './ConversationLog';
import { HandoffStateMachine } from './HandoffStateMachine';
import type { HandoffReason, HandoffSecurityEvent, HandoffTicket } from './handoffTypes';

/** The part of a dialog-server `Session` the desk uses (a fake in unit tests, the real one in the server). */
export type HandoffSessionPort = Pick<
  Session,
  'events' | 'customerIdentity' | 'dialogState' | 'suspendAgent' | 'resumeAgent' | 'send'
>;

/** What a {@link DeskSession} reports to its desk. */
export interface DeskSessionCallbacks {
  /** The ticket changed (phase, transcript, mood, flow). */
  changed(session: DeskSession): void;
  /** An operator sent `handoff.take_over` in the room. */
  takeOver(session: DeskSession, operatorId: string): void;
  /** An operator sent `handoff.hand_back` in the room. */
  handBack(
    session: DeskSession,
    operatorId: string,
    message: Extract<Message, { type: 'handoff.hand_back' }>,
  ): void;
  /** The customer wrote while an operator drives: facts for the operator. */
  customerSaid(session: DeskSession, text: string): void;
  /** The engine suggested replies (`handoff.assist`) while a human drives. */
  suggested(session: DeskSession, suggestions: readonly string[]): void;
  /** Someone without the operator role tried operator control. Nothing changed. */
  security(event: HandoffSecurityEvent): void;
}

/** Hold lines while the operator is live on another session. */
const HOLD_LINE = {
  'zh-CN': '请稍等，我马上回来。',
  en: "One moment please, I'll be right back.",
} as const;

/**
 * One dialog-server session on the handoff desk: its controller state machine, the conversation so far and the
 * customer's mood, fed by the session's `inbound` / `outbound` / `rejected` events. Operator control is acted on
 * only from participants whose server-set role is `operator`; anything else is a security event.
 */
export class DeskSession {
  /** The controller state. */
  readonly machine = new HandoffStateMachine();
  /** Transcript and mood. */
  readonly log = new ConversationLog();
  private skills: readonly string[] = [];
  private requestedAt: number | undefined;
  private flow: string | undefined;
  private step: string | undefined;
  private readonly offs: (() => void)[];

  constructor(
    readonly sessionId: string,
    readonly room: string,
    readonly session: HandoffSessionPort,
    private readonly callbacks: DeskSessionCallbacks,
    private readonly now: () => number,
  ) {
    const e = session.events;
    this.offs = [
      e.on('inbound', (i) => this.inbound(i)),
      e.on('outbound', (o) => this.outbound(o)),
      e.on('rejected', (r) => this.rejected(r)),
    ];
  }

  /** The session's language (`zh-CN` or `en`). */
  get language(): string {
    return this.session.dialogState.language;
  }

  /** The ticket the operator console shows. */
  ticket(): HandoffTicket {
    const m = this.machine;
    return {
      sessionId: this.sessionId,
      room: this.room,
      customerIdentity: this.session.customerIdentity,
      phase: m.phase,
      reason: m.reason,
      skills: this.skills,
      flow: this.flow,
      step: this.step,
      language: this.language,
      requestedAt: m.phase === 'ai' ? undefined : this.requestedAt,
      operatorId: m.operatorId,
      sentiment: this.log.sentiment,
      transcript: this.log.transcript,
    };
  }

  /** The avatar holds: "one moment please" (as the operator's line) and a calm face; the agent stays silent. */
  async sayHold(): Promise<void> {
    const lang = this.language === 'en' ? 'en' : 'zh-CN';
    const text = HOLD_LINE[lang];
    this.log.add('operator', text, this.now());
    await this.session.send(createMessage('speech.caption', { speaker: 'operator', text, final: true }));
    await this.session.send(
      createMessage('emotion.cue', { emotion: 'relaxed', intensity: 0.4, durationMs: 0 }),
    );
  }

  /** Stops listening to the session. */
  dispose(): void {
    for (const off of this.offs) off();
  }

  private inbound({ message, sender }: SessionEvents['inbound']): void {
    if (sender.role === 'operator') this.fromOperator(message, sender);
    else if (sender.role === 'customer' && sender.identity === this.session.customerIdentity)
      this.fromCustomer(message);
  }

  private fromCustomer(message: Message): void {
    if (message.type === 'user.text') {
      this.log.add('customer', message.text, this.now());
      if (this.machine.phase === 'live') this.callbacks.customerSaid(this, message.text);
    } else if (message.type === 'user.sentiment') this.log.sentimentSummary(message);
    else return;
    this.callbacks.changed(this);
  }

  private fromOperator(message: Message, sender: Sender): void {
    if (message.type === 'handoff.take_over') this.callbacks.takeOver(this, sender.identity);
    else if (message.type === 'handoff.hand_back') this.callbacks.handBack(this, sender.identity, message);
    else if (message.type === 'speech.caption' && message.final) {
      this.log.add('operator', message.text, this.now());
      this.callbacks.changed(this);
    }
  }

  private outbound({ message }: SessionEvents['outbound']): void {
    switch (message.type) {
      case 'handoff.request':
        this.request(message.reason, message.skills ?? [], message.flow, message.step);
        return;
      case 'dialog.state':
        if (message.flow === this.flow && message.step === this.step) return;
        this.flow = message.flow;
        this.step = message.step;
        break;
      case 'speech.caption':
        if (!message.final || message.speaker !== 'agent') return;
        this.log.add('agent', message.text, this.now());
        break;
      case 'handoff.assist':
        this.callbacks.suggested(this, message.suggestions);
        return;
      default:
        return;
    }
    this.callbacks.changed(this);
  }

  private request(reason: HandoffReason, skills: readonly string[], flow?: string, step?: string): void {
    const t = this.machine.request(reason);
    if (t.from === t.to) return;
    this.skills = skills;
    this.requestedAt = this.now();
    if (flow !== undefined) this.flow = flow;
    if (step !== undefined) this.step = step;
    this.callbacks.changed(this);
  }

  private rejected({ error, sender }: SessionEvents['rejected']): void {
    if (!(error instanceof ProtocolError) || error.code !== 'forbidden-sender') return;
    const type = error.messageType ?? '';
    if (!type.startsWith('handoff.') && type !== FACE_FRAME_TYPE && type !== '*') return;
    this.callbacks.security({
      sessionId: this.sessionId,
      identity: sender.identity,
      role: sender.role,
      attempted: type,
    });
  }

  /** The flow context for assist facts. */
  facts(text: string): ReturnType<typeof assistFacts> {
    return assistFacts(text, this.flow, this.language);
  }
}
