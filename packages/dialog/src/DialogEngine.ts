import {
  createMessage,
  type Message,
  type MessageOf,
  ProtocolError,
  validate,
} from '@digital-human/protocol';
import type { AsrResult } from './asr/AsrAdapter';
import { DialogError } from './DialogError';
import { FlowRegistry } from './flows/FlowRegistry';
import { DialogLanguage, detectLanguage, toDialogLanguage } from './language';
import type { LlmAdapter } from './llm/LlmAdapter';
import { type EscalationOptions, EscalationPolicy, type HandoffReason } from './rules/EscalationPolicy';
import { INTENT_RULES, type IntentRule } from './rules/intents';
import { Replies } from './rules/replies';
import { TurnRunner } from './TurnRunner';
import { type DialogOutput, TurnWriter } from './TurnWriter';

/** Options for {@link DialogEngine}. Inject `now` and `random` to make conversations reproducible. */
export interface DialogEngineOptions {
  /** Language before the customer's hello or first text (default zh-CN). */
  readonly language?: DialogLanguage;
  /** Flow hooks (default: an empty registry; unregistered flows are answered politely, never faked). */
  readonly flows?: FlowRegistry;
  /** Optional language model for input the rules don't know. */
  readonly llm?: LlmAdapter;
  /** Escalation thresholds. */
  readonly escalation?: EscalationOptions;
  /** Intent rules (default {@link INTENT_RULES}). */
  readonly rules?: readonly IntentRule[];
  /** Operator skills requested per handoff reason (routing). */
  readonly handoffSkills?: Partial<Record<HandoffReason, readonly string[]>>;
  /** Clock, ms (default `Date.now`). */
  readonly now?: () => number;
  /** Random source 0..1 (default `Math.random`). */
  readonly random?: () => number;
  /** Prefix of generated ids (default 'dlg'). */
  readonly idPrefix?: string;
}

/** Events of a {@link DialogEngine}. */
export interface DialogEngineEvents {
  /** Every output, in order, as it is produced. */
  output: (output: DialogOutput) => void;
  /** A recoverable problem (LLM down, flow hook failed, invalid hook output dropped). */
  warning: (error: DialogError | ProtocolError) => void;
}

/** A snapshot of the session. */
export interface DialogSessionState {
  readonly language: DialogLanguage;
  readonly flow: string | undefined;
  readonly step: string | undefined;
  readonly controller: 'ai' | 'human';
  readonly handoffPending: boolean;
}

/** Messages the engine consumes; anything else passed to {@link DialogEngine.handle} is ignored. */
export type DialogInput =
  | MessageOf<'hello'>
  | MessageOf<'user.text'>
  | MessageOf<'user.action'>
  | MessageOf<'user.sentiment'>
  | MessageOf<'handoff.take_over'>
  | MessageOf<'handoff.hand_back'>;

type Listeners = { [E in keyof DialogEngineEvents]: Set<DialogEngineEvents[E]> };

/** How many user message ids are remembered for idempotency. */
const SEEN_LIMIT = 512;

/**
 * The isomorphic reference dialog engine. It consumes protocol user messages (hello, user.text, user.action,
 * user.sentiment) and operator control (take over, hand back) and produces protocol messages (captions, emotion
 * cues, dialog state, ui.*, handoff.request/state, acks) plus say requests for a TTS. Turns are processed one at a
 * time in arrival order; outputs are returned per turn and also emitted as 'output' events.
 */
export class DialogEngine {
  private readonly listeners: Listeners = { output: new Set(), warning: new Set() };
  private readonly seen = new Set<string>();
  /** Outputs already emitted early (announced), so the end of the turn does not emit them twice. */
  private readonly emitted = new WeakSet<DialogOutput>();
  private readonly runner: TurnRunner;
  private readonly now: () => number;
  private readonly prefix: string;
  private idCounter = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;
  private greeted = false;

  constructor(options: DialogEngineOptions = {}) {
    this.now = options.now ?? Date.now;
    this.prefix = options.idPrefix ?? 'dlg';
    this.runner = new TurnRunner({
      language: options.language ?? DialogLanguage.zh,
      flows: options.flows ?? new FlowRegistry(),
      llm: options.llm,
      escalation: new EscalationPolicy(options.escalation),
      rules: options.rules ?? INTENT_RULES,
      handoffSkills: options.handoffSkills ?? {},
      now: this.now,
      random: options.random ?? Math.random,
      newId: (p) => this.newId(p),
      warn: (e) => this.warn(e),
      announce: (outputs) => void this.publish(outputs),
    });
  }

  /** The flow hooks this engine routes to (register the widgets' hooks here). */
  get flows(): FlowRegistry {
    return this.runner.flows;
  }

  /** The session as it stands. */
  get state(): DialogSessionState {
    return this.runner.snapshot();
  }

  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends keyof DialogEngineEvents>(event: E, listener: DialogEngineEvents[E]): () => void {
    const set = this.listeners[event] as Set<DialogEngineEvents[E]>;
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  /** Handles one decoded message; resolves with this turn's outputs (after all earlier turns). */
  handle(message: Message | DialogInput): Promise<DialogOutput[]> {
    return this.enqueue(() => this.process(message));
  }

  /**
   * Handles a speech-recognition result: a `speech.transcript` message, and for a final result a customer turn
   * (as if typed, without an ack since nothing on the wire waits for one).
   */
  handleAsr(result: AsrResult): Promise<DialogOutput[]> {
    return this.enqueue(async () => {
      const transcript = createMessage('speech.transcript', {
        segmentId: result.segmentId,
        speaker: 'customer',
        text: result.text.slice(0, 4000),
        final: result.final,
        language: result.language,
      });
      const out = this.publish([{ kind: 'message', message: transcript }]);
      const text = result.text.trim().slice(0, 1000);
      if (!result.final || !text) return out;
      const turn = createMessage('user.text', { id: this.newId('asr'), text, language: result.language });
      const writer = this.runner.writer(detectLanguage(text, result.language));
      return [...out, ...this.publish(await this.runner.userTurn(turn, writer))];
    });
  }

  /** The TTS finished (or was interrupted on) an utterance: the dialog is listening again. */
  speechEnded(): DialogOutput[] {
    const s = this.runner.snapshot();
    return this.publish(new TurnWriter((p) => this.newId(p), s.language, this.now).finish(s.flow, s.step));
  }

  /** Stops handling: listeners are dropped and later calls reject with 'disposed'. */
  dispose(): void {
    this.disposed = true;
    this.listeners.output.clear();
    this.listeners.warning.clear();
    this.seen.clear();
    this.runner.dispose();
  }

  private enqueue(work: () => Promise<DialogOutput[]>): Promise<DialogOutput[]> {
    if (this.disposed) return Promise.reject(DialogError.disposed());
    const turn = this.queue.then(work);
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async process(message: Message | DialogInput): Promise<DialogOutput[]> {
    if (this.disposed) throw DialogError.disposed();
    switch (message.type) {
      case 'hello': {
        this.runner.setLanguage(toDialogLanguage(message.language, this.runner.snapshot().language));
        return this.publish(this.greet());
      }
      case 'user.text':
      case 'user.action': {
        const duplicate = this.remember(message.id);
        const writer = this.runner.writer(
          message.type === 'user.text'
            ? detectLanguage(message.text, this.runner.snapshot().language)
            : undefined,
        );
        writer.ack(message.id);
        if (duplicate) return this.publish(writer.outputs);
        return this.publish(await this.runner.userTurn(message, writer));
      }
      case 'user.sentiment':
        return this.publish(this.runner.sentiment(message));
      case 'handoff.take_over':
        return this.publish(this.runner.takeOver(message));
      case 'handoff.hand_back':
        return this.publish(this.runner.handBack(message));
      default:
        return [];
    }
  }

  private greet(): DialogOutput[] {
    const writer = this.runner.writer();
    const lang = this.runner.snapshot().language;
    writer.say((this.greeted ? Replies.greetingAgain : Replies.greeting)[lang], {
      emotion: 'happy',
      intensity: 0.6,
    });
    writer.quickReplies();
    this.greeted = true;
    const s = this.runner.snapshot();
    return writer.finish(s.flow, s.step);
  }

  /** Records an idempotency id; returns true when it was seen before. */
  private remember(id: string): boolean {
    if (this.seen.has(id)) return true;
    this.seen.add(id);
    if (this.seen.size > SEEN_LIMIT) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return false;
  }

  /** Validates every message (dropping invalid hook output with a warning) and emits the outputs. */
  private publish(outputs: DialogOutput[]): DialogOutput[] {
    const valid = outputs.filter((o) => {
      if (o.kind === 'say') return true;
      try {
        validate(o.message);
        return true;
      } catch (e) {
        this.warn(e instanceof ProtocolError ? e : DialogError.flowFailed('output', e));
        return false;
      }
    });
    for (const o of valid) {
      if (this.emitted.has(o)) continue;
      this.emitted.add(o);
      for (const l of this.listeners.output) l(o);
    }
    return valid;
  }

  private warn(error: DialogError | ProtocolError): void {
    for (const l of this.listeners.warning) l(error);
  }

  private newId(prefix: string): string {
    this.idCounter += 1;
    return `${this.prefix}-${prefix}-${this.idCounter}`;
  }
}
