import type { JsonMessageType, MessageOf } from '@digital-human/protocol';
import type { DialogLanguage, Localized } from '../language';
import type { HandoffReason } from '../rules/EscalationPolicy';

/** The three business flows of the SDK's widgets. Banks may register more under their own ids. */
export const FlowId = {
  cardApplication: 'card_application',
  branchGreeter: 'branch_greeter',
  financialAdvisor: 'financial_advisor',
} as const;
/** A flow id: one of {@link FlowId} or a bank's own. */
export type FlowId = (typeof FlowId)[keyof typeof FlowId] | (string & {});

/** What a hook may use from the engine while it handles a turn. */
export interface FlowContext {
  /** The session's current language. */
  readonly language: DialogLanguage;
  /** The flow's current step, as last returned by the hook. */
  readonly step: string | undefined;
  /** The injected clock, ms. */
  now(): number;
  /** The injected random source, 0..1. */
  random(): number;
  /** A fresh id for ui messages, deterministic per engine. */
  newId(prefix: string): string;
}

/** A `ui.*` or other agent message a hook asks the engine to send (the engine fills `v`). */
export type FlowMessage = { [T in JsonMessageType]: Omit<MessageOf<T>, 'v'> }[JsonMessageType];

/** What a hook answers for one turn. Everything is optional: an empty result says nothing. */
export interface FlowResult {
  /** What the avatar says (spoken via TTS and captioned): a plain string in the session language, or both. */
  readonly say?: string | Localized;
  /** Messages to send, e.g. `ui.cards`, `ui.form`, `ui.disclosure`, `ui.products`. */
  readonly messages?: readonly FlowMessage[];
  /** The flow's new step (reported in `dialog.state`). */
  readonly step?: string;
  /** The turn moved the customer forward (resets the no-progress counter). Defaults to true. */
  readonly progress?: boolean;
  /** The flow has finished: the engine leaves it after this turn. */
  readonly done?: boolean;
  /** Ask for a human (a flow rule, e.g. a complex advisory question). */
  readonly handoff?: { readonly reason: HandoffReason; readonly skills?: readonly string[] };
}

/** A customer's UI action as a hook sees it. */
export type FlowAction = MessageOf<'user.action'>;

/**
 * The dialog side of one business flow (what the avatar says and shows), filled in by the widgets. The engine
 * routes the customer's turns to the active flow's hook; `null` from a handler means "not mine", and the engine
 * answers with its general rules (FAQ, small talk) while staying in the flow.
 */
export interface FlowHook {
  /** The flow this hook drives. */
  readonly flow: FlowId;
  /** The flow was entered (by intent or by a `flow.start` action). */
  start(ctx: FlowContext): FlowResult | Promise<FlowResult>;
  /** Typed or recognised text while the flow is active. */
  handleText(text: string, ctx: FlowContext): FlowResult | null | Promise<FlowResult | null>;
  /** A UI action (form submit, card chosen, disclosure acknowledged) while the flow is active. */
  handleAction(action: FlowAction, ctx: FlowContext): FlowResult | null | Promise<FlowResult | null>;
  /** The flow was left (done, handoff or another flow started). */
  stop?(ctx: FlowContext): void;
}
