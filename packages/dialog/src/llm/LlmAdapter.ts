import type { DialogLanguage } from '../language';

/** One chat message sent to a language model. */
export interface LlmMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

/** A completion request. */
export interface LlmRequest {
  readonly messages: readonly LlmMessage[];
  /** The language the answer must be in. */
  readonly language: DialogLanguage;
  /** Sampling temperature (adapter default when omitted). */
  readonly temperature?: number;
  /** Cancels the request. */
  readonly signal?: AbortSignal;
}

/** A completion. */
export interface LlmReply {
  /** The answer text (plain text, to be spoken and captioned). */
  readonly text: string;
  /** The model that answered, when the endpoint says. */
  readonly model?: string;
}

/**
 * A language model the engine can ask when its rules don't know the answer. Optional: without one, unknown
 * input gets a polite fallback. Implementations reject with a `DialogError` ('llm-*' codes).
 */
export interface LlmAdapter {
  /** A name for logs and events. */
  readonly name: string;
  complete(request: LlmRequest): Promise<LlmReply>;
}

/** The system prompt the engine sends with each LLM request. */
export function bankAssistantPrompt(language: DialogLanguage): string {
  return language === 'zh-CN'
    ? '你是银行的人工智能数字助理。用简体中文回答，简短（不超过三句），只用纯文本。不承诺收益，不提供具体投资建议，不索要密码或验证码。不确定时建议客户转人工。'
    : "You are a bank's AI digital assistant. Answer in English, briefly (at most three sentences), plain text only. Never promise returns, never give specific investment advice, never ask for passwords or codes. When unsure, suggest talking to a human colleague.";
}
