import {
  createMessage,
  type DIALOG_STATES,
  type EMOTION_NAMES,
  type JsonMessage,
  Limits,
  PROTOCOL_VERSION,
} from '@digital-human/protocol';
import type { FlowMessage } from './flows/FlowHook';
import type { DialogLanguage } from './language';
import { QuickReplies } from './rules/replies';

/** A request for the TTS: speak `text` in `language`; the TTS side sends speech.start/visemes/end with this id. */
export interface SayRequest {
  readonly utteranceId: string;
  readonly text: string;
  readonly language: DialogLanguage;
}

/** One thing the engine produces, in order: a protocol message to send, or text for the TTS to speak. */
export type DialogOutput =
  | { readonly kind: 'message'; readonly message: JsonMessage }
  | { readonly kind: 'say'; readonly say: SayRequest };

/** An emotion to show while saying something. */
export interface EmotionHint {
  readonly emotion: (typeof EMOTION_NAMES)[number];
  readonly intensity: number;
}

/** One of the protocol's dialog states. */
type DialogState = (typeof DIALOG_STATES)[number];

/** Deterministic id source. */
export type NewId = (prefix: string) => string;

/**
 * Collects one turn's outputs in order. `say` yields an optional emotion cue, the caption, and the TTS request;
 * `finish` adds the closing dialog state (speaking when something was said, else listening).
 */
export class TurnWriter {
  readonly outputs: DialogOutput[] = [];
  private spoke = false;

  constructor(
    private readonly newId: NewId,
    private readonly language: DialogLanguage,
    private readonly now: () => number,
  ) {}

  /** Sends a message (the version is filled in). */
  send(message: FlowMessage): void {
    this.outputs.push({ kind: 'message', message: { ...message, v: PROTOCOL_VERSION } as JsonMessage });
  }

  /** Says `text`: emotion cue (if any), final caption, then the TTS request. Empty text says nothing. */
  say(text: string, emotion?: EmotionHint): void {
    const clean = text.trim().slice(0, Limits.maxTextLength);
    if (!clean) return;
    const utteranceId = this.newId('utt');
    if (emotion) {
      this.send({
        type: 'emotion.cue',
        emotion: emotion.emotion,
        intensity: emotion.intensity,
        durationMs: 0,
        utteranceId,
      });
    }
    this.send({
      type: 'speech.caption',
      utteranceId,
      speaker: 'agent',
      text: clean,
      final: true,
      language: this.language,
    });
    this.outputs.push({ kind: 'say', say: { utteranceId, text: clean, language: this.language } });
    this.spoke = true;
  }

  /** Offers the standard quick replies (hours, lost card, limits, credit card, a person). */
  quickReplies(): void {
    const lang = this.language;
    this.send({
      type: 'ui.quick_replies',
      replies: QuickReplies.map((r) => ({ id: r.id, label: r.label[lang] })),
    });
  }

  /** Acknowledges a customer message by id. */
  ack(ackId: string, ok = true): void {
    this.outputs.push({ kind: 'message', message: createMessage('ack', { ackId, ok, ts: this.now() }) });
  }

  /** Reports the dialog state; closes the turn. */
  finish(flow: string | undefined, step: string | undefined): DialogOutput[] {
    this.state(this.spoke ? 'speaking' : 'listening', flow, step);
    return this.outputs;
  }

  /** Adds a dialog state message and returns it (e.g. 'thinking', to announce before a slow LLM call). */
  state(state: DialogState, flow: string | undefined, step: string | undefined): DialogOutput {
    const msg = createMessage('dialog.state', { state, language: this.language });
    if (flow !== undefined) msg.flow = flow;
    if (step !== undefined) msg.step = step;
    const output: DialogOutput = { kind: 'message', message: msg };
    this.outputs.push(output);
    return output;
  }
}
