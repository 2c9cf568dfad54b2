// Bring your own LLM to the reference dialog engine (server side: API keys never go to a browser).
import {
  createBusinessFlows,
  DialogEngine,
  type LlmAdapter,
  OpenAiCompatibleLlm,
} from '@digital-human/dialog';

// Any OpenAI-compatible chat-completions endpoint: vLLM, llama.cpp server, Ollama, the bank's own gateway.
const llm = new OpenAiCompatibleLlm({
  baseUrl: 'http://127.0.0.1:8000',
  model: 'qwen2.5-7b-instruct',
  apiKey: process.env.LLM_API_KEY ?? '',
  timeoutMs: 8000,
});

// Or an adapter of your own: one method, plain text back.
const bankGateway: LlmAdapter = {
  name: 'bank-gateway',
  async complete({ messages, language, signal }) {
    const response = await fetch('https://llm.bank.internal/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages, language }),
      ...(signal ? { signal } : {}),
    });
    const body = (await response.json()) as { answer: string };
    return { text: body.answer };
  },
};

// The rules answer what they know (greetings, FAQ, the flows); the LLM answers the rest.
export const engine = new DialogEngine({ language: 'zh-CN', flows: createBusinessFlows(), llm });
export const engineOnGateway = new DialogEngine({ language: 'en', llm: bankGateway });
engine.on('warning', (error) => console.warn(error.code, error.message));
