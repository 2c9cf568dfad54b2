import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMessage } from '@digital-human/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DialogEngine } from '../DialogEngine';
import type { DialogError } from '../DialogError';
import { OpenAiCompatibleLlm } from './OpenAiCompatibleLlm';

/** What the fake server received. */
interface Received {
  url: string;
  auth: string | undefined;
  body: { model: string; messages: { role: string; content: string }[]; max_tokens: number };
}

/**
 * FAKE OpenAI-compatible server for tests (not a model): answers /v1/chat/completions with a canned reply
 * chosen by the last user message, so the adapter's HTTP handling is tested for real.
 */
class FakeOpenAiServer {
  readonly received: Received[] = [];
  private server: Server | undefined;
  baseUrl = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.answer(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const body = JSON.parse(raw) as Received['body'];
    this.received.push({ url: req.url ?? '', auth: req.headers.authorization, body });
    const last = body.messages.at(-1)?.content ?? '';
    if (last.includes('http500')) return void res.writeHead(500).end('upstream exploded');
    if (last.includes('garbage'))
      return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"nope":1}');
    if (last.includes('slow')) return void setTimeout(() => res.writeHead(200).end('{}'), 400);
    const reply = {
      model: body.model,
      choices: [{ index: 0, message: { role: 'assistant', content: ` Fake answer to: ${last} ` } }],
    };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
  }
}

const fake = new FakeOpenAiServer();
beforeAll(() => fake.start());
afterAll(() => fake.stop());

const ask = (llm: OpenAiCompatibleLlm, content: string) =>
  llm.complete({ messages: [{ role: 'user', content }], language: 'en' });

describe('OpenAiCompatibleLlm against a fake local server', () => {
  it('posts a chat completion and returns the trimmed answer', async () => {
    const llm = new OpenAiCompatibleLlm({
      baseUrl: `${fake.baseUrl}/`,
      model: 'test-model',
      apiKey: 'k1',
      maxTokens: 50,
    });
    const reply = await ask(llm, 'hello');
    expect(reply).toEqual({ text: 'Fake answer to: hello', model: 'test-model' });
    const got = fake.received.at(-1)!;
    expect(got.url).toBe('/v1/chat/completions');
    expect(got.auth).toBe('Bearer k1');
    expect(got.body).toMatchObject({ model: 'test-model', max_tokens: 50 });
  });

  it.each([
    ['http500', 'llm-http'],
    ['garbage', 'llm-bad-response'],
  ])('maps %s to %s', async (trigger, code) => {
    const llm = new OpenAiCompatibleLlm({ baseUrl: fake.baseUrl, model: 'm' });
    await expect(ask(llm, trigger)).rejects.toMatchObject({ code });
  });

  it('times out', async () => {
    const llm = new OpenAiCompatibleLlm({ baseUrl: fake.baseUrl, model: 'm', timeoutMs: 100 });
    await expect(ask(llm, 'slow')).rejects.toMatchObject({ code: 'llm-timeout' });
  });

  it('reports an unreachable endpoint as llm-network', async () => {
    const llm = new OpenAiCompatibleLlm({ baseUrl: 'http://127.0.0.1:1', model: 'm' });
    await expect(ask(llm, 'x')).rejects.toMatchObject({ code: 'llm-network' });
  });

  it('the engine asks the LLM for unknown input, with the system prompt and history, and falls back on error', async () => {
    const llm = new OpenAiCompatibleLlm({ baseUrl: fake.baseUrl, model: 'm' });
    const e = new DialogEngine({ language: 'en', llm });
    const warnings: DialogError['code'][] = [];
    e.on('warning', (w) => warnings.push(w.code as DialogError['code']));
    const out = await e.handle(createMessage('user.text', { id: 'x1', text: 'What is a mortgage?' }));
    expect(out.flatMap((o) => (o.kind === 'say' ? [o.say.text] : []))).toEqual([
      'Fake answer to: What is a mortgage?',
    ]);
    const sent = fake.received.at(-1)!.body.messages;
    expect(sent[0]?.role).toBe('system');
    expect(sent.at(-1)).toEqual({ role: 'user', content: 'What is a mortgage?' });
    // Known FAQ never goes to the LLM.
    const before = fake.received.length;
    await e.handle(createMessage('user.text', { id: 'x2', text: 'opening hours' }));
    expect(fake.received.length).toBe(before);
    const failed = await e.handle(createMessage('user.text', { id: 'x3', text: 'http500 please' }));
    expect(warnings).toEqual(['llm-http']);
    expect(failed.flatMap((o) => (o.kind === 'say' ? [o.say.text] : []))[0]).toMatch(
      /can't answer that right now/,
    );
  });
});
