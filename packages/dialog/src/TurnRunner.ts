import { createMessage, type MessageOf, type ProtocolError } from '@digital-human/protocol';
import { DialogError } from './DialogError';
import type { FlowContext, FlowHook, FlowResult } from './flows/FlowHook';
import type { FlowRegistry } from './flows/FlowRegistry';
import type { DialogLanguage } from './language';
import { bankAssistantPrompt, type LlmAdapter, type LlmMessage } from './llm/LlmAdapter';
import { cannedAnswer, FLOW_INTENTS } from './rules/answerIntent';
import type { EscalationPolicy, HandoffReason } from './rules/EscalationPolicy';
import { HANDOFF_REPLIES } from './rules/handoffReplies';
import { Intent, type IntentRule, matchIntent } from './rules/intents';
import { Replies } from './rules/replies';
import { type DialogOutput, type NewId, TurnWriter } from './TurnWriter';

/** What the runner needs from the engine. */
export interface TurnRunnerDeps {
  language: DialogLanguage;
  readonly flows: FlowRegistry;
  readonly llm: LlmAdapter | undefined;
  readonly escalation: EscalationPolicy;
  readonly rules: readonly IntentRule[];
  readonly handoffSkills: Partial<Record<HandoffReason, readonly string[]>>;
  readonly now: () => number;
  readonly random: () => number;
  readonly newId: NewId;
  readonly warn: (error: DialogError | ProtocolError) => void;
  /** Emits the turn's outputs so far at once (before the turn ends), e.g. 'thinking' while the LLM works. */
  readonly announce: (outputs: DialogOutput[]) => void;
}

/** How a handoff request is made. */
interface HandoffOptions {
  readonly skills?: readonly string[] | undefined;
  readonly speak?: boolean;
  readonly raised?: boolean;
}

/** Last chat lines kept for the LLM. */
const HISTORY = 12;

/** The session state and the per-turn rules of {@link DialogEngine} (internal). */
export class TurnRunner {
  private flow: FlowHook | undefined;
  private step: string | undefined;
  private controller: 'ai' | 'human' = 'ai';
  private readonly history: LlmMessage[] = [];
  private abort = new AbortController();

  constructor(private readonly deps: TurnRunnerDeps) {}

  /** The flow hooks. */
  get flows(): FlowRegistry {
    return this.deps.flows;
  }

  /** The session as it stands. */
  snapshot() {
    const d = this.deps;
    return {
      language: d.language,
      flow: this.flow?.flow,
      step: this.step,
      controller: this.controller,
      handoffPending: d.escalation.requested,
    };
  }

  setLanguage(language: DialogLanguage): void {
    this.deps.language = language;
  }

  /** A writer for a turn, switching the session language first when given. */
  writer(language?: DialogLanguage): TurnWriter {
    if (language) this.deps.language = language;
    return new TurnWriter(this.deps.newId, this.deps.language, this.deps.now);
  }

  /** A typed text or a UI action from the customer (already acknowledged). */
  async userTurn(
    message: MessageOf<'user.text'> | MessageOf<'user.action'>,
    w: TurnWriter,
  ): Promise<DialogOutput[]> {
    if (this.controller === 'human') {
      if (message.type === 'user.text') this.assist(message.text, w);
      return w.outputs;
    }
    if (message.type === 'user.text') await this.text(message.text, w);
    else await this.action(message, w);
    return w.finish(this.flow?.flow, this.step);
  }

  /** A sentiment summary: may escalate on a negative streak. */
  sentiment(message: MessageOf<'user.sentiment'>): DialogOutput[] {
    if (this.controller === 'human') return [];
    const reason = this.deps.escalation.observeSentiment(message);
    if (!reason) return [];
    const w = this.writer();
    this.requestHandoff(reason, w, { raised: true });
    return w.finish(this.flow?.flow, this.step);
  }

  /** The operator took over: stop answering, report the controller. */
  takeOver(message: MessageOf<'handoff.take_over'>): DialogOutput[] {
    this.controller = 'human';
    this.abort.abort();
    this.abort = new AbortController();
    const w = this.writer();
    const state = createMessage('handoff.state', { controller: 'human', pending: false });
    if (message.operatorId) state.operatorId = message.operatorId;
    w.send(state);
    return w.outputs;
  }

  /** The operator handed back: keep what was said, reset escalation, resume. */
  handBack(message: MessageOf<'handoff.hand_back'>): DialogOutput[] {
    this.controller = 'ai';
    this.deps.escalation.reset();
    for (const line of message.transcript ?? [])
      this.remember(line.speaker === 'customer' ? 'user' : 'assistant', line.text);
    if (message.summary) this.remember('assistant', message.summary);
    const w = this.writer();
    w.send({ type: 'handoff.state', controller: 'ai', pending: false });
    w.say(Replies.handBack[this.deps.language], { emotion: 'happy', intensity: 0.4 });
    return w.finish(this.flow?.flow, this.step);
  }

  /**
   * Agent assist while a human drives: remember what the customer said and suggest the canned answer, if any, as
   * `handoff.assist` (the transport must send it to operators only).
   */
  private assist(text: string, w: TurnWriter): void {
    this.remember('user', text);
    const canned = cannedAnswer(matchIntent(text, this.deps.rules));
    if (canned) w.send({ type: 'handoff.assist', suggestions: [canned.reply[this.deps.language]] });
  }

  dispose(): void {
    this.abort.abort();
    this.flow = undefined;
  }

  private async text(text: string, w: TurnWriter): Promise<void> {
    this.remember('user', text);
    const intent = matchIntent(text, this.deps.rules);
    if (intent === Intent.human) return this.requestHandoff('explicit', w);
    if (intent === Intent.complaint) return this.requestHandoff('complaint', w);
    if (this.flow) {
      const hook = this.flow;
      const result = await this.callHook(hook, () => hook.handleText(text, this.context()));
      if (result) return this.apply(result, w);
    }
    return this.intent(intent, w, text);
  }

  private async action(action: MessageOf<'user.action'>, w: TurnWriter): Promise<void> {
    if (action.kind === 'handoff') return this.requestHandoff('explicit', w);
    if (action.kind === 'quick_reply' && action.target)
      return this.intent(action.target as Intent, w, undefined);
    const flowId = action.payload?.flow;
    if (action.kind === 'flow.start' && typeof flowId === 'string') return this.startFlow(flowId, w);
    if (this.flow) {
      const hook = this.flow;
      const result = await this.callHook(hook, () => hook.handleAction(action, this.context()));
      if (result) this.apply(result, w);
    }
  }

  private async intent(intent: Intent, w: TurnWriter, text: string | undefined): Promise<void> {
    const lang = this.deps.language;
    if (intent === Intent.human) return this.requestHandoff('explicit', w);
    const flowId = FLOW_INTENTS[intent];
    if (flowId) return this.startFlow(flowId, w);
    if (intent === Intent.greeting) {
      w.say(Replies.greetingAgain[lang], { emotion: 'happy', intensity: 0.5 });
      return;
    }
    const canned = cannedAnswer(intent);
    if (canned) {
      w.say(canned.reply[lang], canned.emotion);
      if (canned.progress !== null) this.progress(canned.progress, w);
      return;
    }
    if (text !== undefined && this.deps.llm && (await this.askLlm(this.deps.llm, w))) {
      this.progress(true, w);
      return;
    }
    if (this.progress(false, w)) return;
    w.say((text !== undefined && this.deps.llm ? Replies.llmUnavailable : Replies.fallback)[lang], {
      emotion: 'relaxed',
      intensity: 0.3,
    });
    w.quickReplies();
  }

  private async startFlow(flowId: string, w: TurnWriter): Promise<void> {
    const hook = this.deps.flows.get(flowId);
    if (!hook) {
      w.say(Replies.flowUnavailable[this.deps.language], { emotion: 'relaxed', intensity: 0.3 });
      w.quickReplies();
      return;
    }
    if (this.flow && this.flow !== hook) this.flow.stop?.(this.context());
    this.flow = hook;
    this.step = undefined;
    const result = await this.callHook(hook, () => hook.start(this.context()));
    if (result) this.apply(result, w);
  }

  private apply(result: FlowResult, w: TurnWriter): void {
    if (result.say !== undefined)
      w.say(typeof result.say === 'string' ? result.say : result.say[this.deps.language]);
    for (const m of result.messages ?? []) w.send(m);
    if (result.step !== undefined) this.step = result.step;
    if (result.done && this.flow) {
      this.flow.stop?.(this.context());
      this.flow = undefined;
      this.step = undefined;
    }
    if (result.handoff)
      this.requestHandoff(result.handoff.reason, w, {
        skills: result.handoff.skills,
        speak: result.say === undefined,
      });
    else this.progress(result.progress ?? true, w);
  }

  private async callHook(hook: FlowHook, run: () => FlowResult | null | Promise<FlowResult | null>) {
    try {
      return await run();
    } catch (e) {
      this.deps.warn(DialogError.flowFailed(hook.flow, e));
      this.flow = undefined;
      this.step = undefined;
      return { say: Replies.flowUnavailable, progress: false } satisfies FlowResult;
    }
  }

  /** Counts a turn; escalates (and returns true) after too many turns without progress. */
  private progress(made: boolean, w: TurnWriter): boolean {
    const reason = this.deps.escalation.observeTurn(made);
    if (reason) this.requestHandoff(reason, w, { raised: true });
    return reason !== null;
  }

  /**
   * Sends a handoff request (unless one is pending) and says why. `raised` is true when the policy has already
   * registered this request (sentiment and no-progress triggers).
   */
  private requestHandoff(reason: HandoffReason, w: TurnWriter, options: HandoffOptions = {}): void {
    const spec = HANDOFF_REPLIES[reason];
    const skills = options.skills;
    if (options.raised || this.deps.escalation.raise(reason) !== null) {
      const request = createMessage('handoff.request', { reason });
      request.skills = [...(skills ?? this.deps.handoffSkills[reason] ?? spec.skills)];
      if (this.flow) request.flow = this.flow.flow;
      if (this.step) request.step = this.step;
      w.send(request);
      w.send({ type: 'handoff.state', controller: 'ai', pending: true, reason });
    }
    if (options.speak !== false) w.say(spec.reply[this.deps.language], spec.emotion);
  }

  private async askLlm(llm: LlmAdapter, w: TurnWriter): Promise<boolean> {
    const language = this.deps.language;
    const messages: LlmMessage[] = [
      { role: 'system', content: bankAssistantPrompt(language) },
      ...this.history,
    ];
    w.state('thinking', this.flow?.flow, this.step);
    this.deps.announce(w.outputs);
    try {
      const reply = await llm.complete({ messages, language, signal: this.abort.signal });
      if (!reply.text) return false;
      this.remember('assistant', reply.text);
      w.say(reply.text, { emotion: 'happy', intensity: 0.2 });
      return true;
    } catch (e) {
      this.deps.warn(e instanceof DialogError ? e : DialogError.llmNetwork(e));
      return false;
    }
  }

  private remember(role: 'user' | 'assistant', content: string): void {
    this.history.push({ role, content });
    if (this.history.length > HISTORY) this.history.splice(0, this.history.length - HISTORY);
  }

  private context(): FlowContext {
    const d = this.deps;
    return { language: d.language, step: this.step, now: d.now, random: d.random, newId: d.newId };
  }
}
