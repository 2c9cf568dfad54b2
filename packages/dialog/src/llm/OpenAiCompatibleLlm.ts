import { DialogError } from '../DialogError';
import type { LlmAdapter, LlmReply, LlmRequest } from './LlmAdapter';

/** Options for {@link OpenAiCompatibleLlm}. */
export interface OpenAiCompatibleLlmOptions {
  /** Server root, e.g. `http://127.0.0.1:8000` (the adapter appends `/v1/chat/completions`). */
  readonly baseUrl: string;
  /** Model name sent in the request. */
  readonly model: string;
  /** Bearer token, when the endpoint needs one (server side only: never ship a key to a browser). */
  readonly apiKey?: string;
  /** Per-request timeout, ms (default 15000). */
  readonly timeoutMs?: number;
  /** Answer length cap (default 300 tokens). */
  readonly maxTokens?: number;
  /** Default temperature (default 0.3). */
  readonly temperature?: number;
  /** The fetch to use (default `globalThis.fetch`). */
  readonly fetch?: typeof fetch;
}

/** Longest answer kept, characters (the protocol caption limit). */
const MAX_ANSWER = 4000;

function readAnswer(json: unknown): LlmReply {
  if (typeof json !== 'object' || json === null) throw DialogError.llmBadResponse('not an object');
  const { choices, model } = json as { choices?: unknown; model?: unknown };
  const first: unknown = Array.isArray(choices) ? choices[0] : undefined;
  const message =
    typeof first === 'object' && first !== null ? (first as { message?: unknown }).message : undefined;
  const content =
    typeof message === 'object' && message !== null ? (message as { content?: unknown }).content : undefined;
  if (typeof content !== 'string') throw DialogError.llmBadResponse('no choices[0].message.content');
  const text = content.trim().slice(0, MAX_ANSWER);
  return typeof model === 'string' ? { text, model } : { text };
}

/**
 * An {@link LlmAdapter} for any OpenAI-compatible chat-completions endpoint (vLLM, llama.cpp server, Ollama,
 * a bank's gateway): `POST {baseUrl}/v1/chat/completions`, non-streaming.
 */
export class OpenAiCompatibleLlm implements LlmAdapter {
  readonly name = 'openai-compatible';
  private readonly url: string;
  private readonly options: OpenAiCompatibleLlmOptions;

  constructor(options: OpenAiCompatibleLlmOptions) {
    this.options = options;
    this.url = `${options.baseUrl.replace(/\/+$/, '')}/v1/chat/completions`;
  }

  async complete(request: LlmRequest): Promise<LlmReply> {
    const timeoutMs = this.options.timeoutMs ?? 15_000;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    const body = JSON.stringify({
      model: this.options.model,
      messages: request.messages,
      temperature: request.temperature ?? this.options.temperature ?? 0.3,
      max_tokens: this.options.maxTokens ?? 300,
      stream: false,
    });
    let response: Response;
    try {
      response = await (this.options.fetch ?? fetch)(this.url, { method: 'POST', headers, body, signal });
    } catch (e) {
      throw timeout.aborted ? DialogError.llmTimeout(timeoutMs) : DialogError.llmNetwork(e);
    }
    if (!response.ok) throw DialogError.llmHttp(response.status, await response.text().catch(() => ''));
    let json: unknown;
    try {
      json = await response.json();
    } catch (e) {
      throw timeout.aborted ? DialogError.llmTimeout(timeoutMs) : DialogError.llmBadResponse('not JSON', e);
    }
    return readAnswer(json);
  }
}
