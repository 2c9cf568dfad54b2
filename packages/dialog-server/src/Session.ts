import { Emitter } from '@digital-human/core';
import { DialogLanguage, type DialogSessionState } from '@digital-human/dialog';
import { SpokenDialog } from '@digital-human/dialog/local';
import {
  createMessage,
  decode,
  type JsonMessage,
  type Message,
  type MessageOf,
  type PlaybackFinishedPayload,
  PROTOCOL_VERSION,
  type Sender,
} from '@digital-human/protocol';
import { DialogServerError } from './DialogServerError';
import { IdempotencyLog } from './IdempotencyLog';
import type { AgentState, HumanTurn, SessionEvents, SessionInterrupt } from './SessionEvents';
import type { SessionLink } from './SessionLink';
import { SessionMemory } from './SessionMemory';
import { INTERRUPT_ACTION, type SessionOptions } from './SessionOptions';
import { SpeechChannel } from './SpeechChannel';

/**
 * One customer's conversation in one LiveKit room: the reference dialog engine with a voice ({@link SpokenDialog}),
 * speech streamed to the customer ({@link SpeechChannel}), acks and de-duplication by idempotency id, resync on a
 * repeated hello, and interrupts.
 *
 * Extension points (the human handoff builds on these, it is not implemented here):
 * - `events.on('inbound', ({ message, sender }) => ...)`: every decoded message in the room with its sender's
 *   server-set role, operators' included (the session itself acts only on its customer's messages);
 * - `events.on('outbound', ({ message, to }) => ...)`: every message the session publishes;
 * - {@link Session.send}: publish a message as the agent (recorded for resync like the engine's own);
 * - {@link Session.suspendAgent}: cut the speech, clear the customer's buffer, no new speech until resumed (the
 *   engine only assists operators with `handoff.assist` meanwhile);
 * - {@link Session.resumeAgent}: hand the human part of the conversation to the engine, which continues.
 */
export class Session {
  /** The session's events (see the class docs for the extension points). */
  readonly events = new Emitter<SessionEvents>();
  /** The identity of this session's customer. */
  readonly customerIdentity: string;
  private readonly link: SessionLink;
  private readonly dialog: SpokenDialog;
  private readonly speech: SpeechChannel;
  private readonly acks = new IdempotencyLog();
  private readonly memory = new SessionMemory();
  private outQueue: Promise<void> = Promise.resolve();
  private agent: AgentState = 'active';
  private greeted = false;
  private present = false;
  private helloTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly helloWaitMs: number;
  private readonly language: DialogLanguage;
  private disposed = false;

  constructor(options: SessionOptions) {
    this.link = options.link;
    this.customerIdentity = options.customerIdentity;
    this.helloWaitMs = options.helloWaitMs ?? 3000;
    this.language = options.language ?? DialogLanguage.zh;
    this.speech = new SpeechChannel(
      options.link,
      options.customerIdentity,
      {
        send: (message) => this.send(message),
        streaming: (utteranceId, durationMs) =>
          this.events.emit('speechstreaming', { utteranceId, durationMs }),
        finished: (utteranceId, interrupted, position) =>
          this.events.emit('speechfinished', { utteranceId, interrupted, position }),
        idle: () => this.dialog.speechEnded(),
        error: (e) => this.events.emit('error', e),
      },
      options.speech,
    );
    this.dialog = new SpokenDialog(
      {
        message: (m) => this.fromEngine(m),
        speech: (u) => (this.agent === 'active' ? this.speech.enqueue(u) : undefined),
        unspoken: (say) => this.warn(`utterance ${say.utteranceId} could not be synthesised`),
        warning: (w) => this.warn(w),
      },
      {
        businessFlows: options.businessFlows ?? true,
        ...(options.language === undefined ? {} : { language: options.language }),
        ...(options.engine === undefined ? {} : { engine: options.engine }),
        ...(options.synthesis === undefined ? {} : { synthesis: options.synthesis }),
      },
    );
  }

  /** `active`, or `suspended` between {@link Session.suspendAgent} and {@link Session.resumeAgent}. */
  get agentState(): AgentState {
    return this.agent;
  }

  /** True while the agent's speech is announced, streaming or playing. */
  get speaking(): boolean {
    return this.speech.busy;
  }

  /** The dialog engine's session (language, flow, step, controller, handoff pending). */
  get dialogState(): DialogSessionState {
    return this.dialog.engine.state;
  }

  /** The customer greeted (sent its first hello). */
  get started(): boolean {
    return this.greeted;
  }

  /**
   * A payload from the room (data packet or text stream) with its sender as the link knows it (identity and role
   * from server-set attributes). Decoded and role-checked; refused ones are reported as `rejected`.
   */
  receive(payload: Uint8Array | string, sender: Sender): void {
    if (this.disposed) return;
    const result = decode(payload, sender.role);
    if (!result.ok) {
      this.events.emit('rejected', { error: result.error, sender });
      return;
    }
    this.events.emit('inbound', { message: result.message, sender });
    if (sender.role !== 'customer') return; // operators' messages are for the handoff layer (see 'inbound')
    if (sender.identity !== this.customerIdentity) {
      const error = DialogServerError.notTheCustomer(sender.identity, result.message.type);
      this.events.emit('rejected', { error, sender });
      return;
    }
    this.fromCustomer(result.message);
  }

  /** The customer's `lk.playback_finished` RPC; throws (the RPC fails) for anyone else. */
  playbackFinished(callerIdentity: string, payload: PlaybackFinishedPayload): void {
    this.requireCustomer(callerIdentity, 'lk.playback_finished');
    this.speech.playbackFinished(payload.interrupted, payload.playback_position);
  }

  /** The customer's `lk.playback_started` RPC; throws (the RPC fails) for anyone else. */
  playbackStarted(callerIdentity: string): void {
    this.requireCustomer(callerIdentity, 'lk.playback_started');
  }

  /** The customer is in the room (as the agent sees it). */
  get customerPresent(): boolean {
    return this.present;
  }

  /** The customer joined the room: it is greeted on its hello, or after `helloWaitMs` without one. */
  customerArrived(): void {
    this.present = true;
    if (this.greeted || this.helloTimer !== undefined || this.disposed) return;
    this.helloTimer = setTimeout(() => {
      this.helloTimer = undefined;
      if (this.greeted || !this.present || this.disposed) return;
      this.greeted = true;
      const language = this.language;
      void this.dialog.handle(
        createMessage('hello', { protocolVersion: PROTOCOL_VERSION, capabilities: [], language }),
      );
    }, this.helloWaitMs);
  }

  /** The customer left the room (it may come back with a resume): what was in flight is forgotten. */
  customerLeft(): void {
    this.present = false;
    this.clearHelloTimer();
    const cut = this.speech.reset();
    if (cut.length > 0) this.events.emit('interrupted', { utteranceIds: cut, reason: 'left' });
  }

  /** Publishes a message as the agent, in order with the session's other messages; resolves once published. */
  send(message: JsonMessage, to?: readonly string[]): Promise<void> {
    if (this.disposed) return Promise.reject(DialogServerError.disposed('send()'));
    this.memory.record(message);
    this.events.emit('outbound', { message, to });
    const sent = this.outQueue.then(() => this.link.send(message, to));
    this.outQueue = sent.catch((cause: unknown) => {
      this.events.emit('error', DialogServerError.roomFailed(`sending ${message.type} failed`, cause));
    });
    return sent;
  }

  /** Cuts the agent's speech now (`lk.clear_buffer` on the customer when something was playing). */
  interrupt(reason: SessionInterrupt['reason'] = 'api'): readonly string[] {
    const cut = this.speech.interrupt();
    if (cut.length > 0) this.events.emit('interrupted', { utteranceIds: cut, reason });
    return cut;
  }

  /**
   * Suspends the agent for a human: cuts its speech and clears the customer's buffer; until
   * {@link Session.resumeAgent} it speaks nothing, and the engine only suggests replies to operators
   * (`handoff.assist`, sent to operator identities only). Customer messages are still acknowledged.
   */
  async suspendAgent(operatorId?: string): Promise<void> {
    if (this.agent === 'suspended' || this.disposed) return;
    this.agent = 'suspended';
    this.interrupt('suspend');
    this.events.emit('agent', { state: 'suspended' });
    const takeOver = createMessage('handoff.take_over', operatorId === undefined ? {} : { operatorId });
    await this.dialog.handle(takeOver);
  }

  /**
   * Resumes the agent after a human: the engine receives what was said meanwhile (`humanTurns`, at most the last
   * 32 lines, and an optional summary) and continues the conversation, speaking again.
   */
  async resumeAgent(humanTurns: readonly HumanTurn[], summary?: string): Promise<void> {
    if (this.agent === 'active' || this.disposed) return;
    this.agent = 'active';
    this.events.emit('agent', { state: 'active' });
    const handBack = createMessage('handoff.hand_back', { transcript: humanTurns.slice(-32) });
    if (summary !== undefined) handBack.summary = summary;
    await this.dialog.handle(handBack);
  }

  /** Stops the dialog and the speech; removes every listener. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.clearHelloTimer();
    this.speech.dispose();
    this.dialog.dispose();
    this.events.removeAllListeners();
  }

  private fromCustomer(message: Message): void {
    if (message.type === 'hello') {
      this.clearHelloTimer();
      if (this.greeted) this.resync();
      else {
        this.greeted = true;
        void this.dialog.handle(message);
      }
    } else if (message.type === 'user.text' || message.type === 'user.action') this.userTurn(message);
    else if (message.type === 'user.sentiment') void this.dialog.handle(message);
    // acks of our ui messages: nothing to do
  }

  /** Acks at once by id; a repeat is only acked again; a new turn cuts the speech, then goes to the engine. */
  private userTurn(message: MessageOf<'user.text'> | MessageOf<'user.action'>): void {
    const repeat = this.acks.seen(message.id);
    void this.send(createMessage('ack', { ackId: message.id, ok: true, ts: Date.now() })).catch(
      () => undefined,
    );
    if (repeat) return;
    this.interrupt('customer');
    if (message.type === 'user.action' && message.kind === INTERRUPT_ACTION) return;
    void this.dialog.handle(message);
  }

  /** A repeated hello (the customer reconnected): the current state instead of a second greeting. */
  private resync(): void {
    const s = this.dialog.engine.state;
    for (const m of this.memory.resync(s, this.speech.busy)) void this.send(m).catch(() => undefined);
  }

  private fromEngine(message: JsonMessage): void {
    if (message.type === 'ack') return; // acknowledged on arrival by the session
    if (message.type === 'speech.caption' && message.utteranceId !== undefined) {
      if (this.agent === 'suspended') return;
      this.speech.announce(message.utteranceId);
    }
    const to = message.type === 'handoff.assist' ? this.link.participantsWithRole('operator') : undefined;
    if (to?.length === 0) return;
    void this.send(message, to).catch(() => undefined);
  }

  private clearHelloTimer(): void {
    if (this.helloTimer !== undefined) clearTimeout(this.helloTimer);
    this.helloTimer = undefined;
  }

  private requireCustomer(identity: string, what: string): void {
    if (identity !== this.customerIdentity) throw DialogServerError.notTheCustomer(identity, what);
  }

  private warn(message: string): void {
    this.events.emit('error', DialogServerError.dialogWarning(message));
  }
}

export { INTERRUPT_ACTION, type SessionOptions };
