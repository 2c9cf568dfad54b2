import { EMOTIONS, VISEMES } from '@digital-human/core';
import { createMessage, EMOTION_NAMES, type JsonMessage, VISEME_NAMES } from '@digital-human/protocol';
import { describe, expect, it, vi } from 'vitest';
import { DialogEngine, type DialogEngineOptions } from './DialogEngine';
import type { LlmAdapter, LlmReply } from './llm/LlmAdapter';
import type { DialogOutput } from './TurnWriter';

/** A seeded engine: fixed clock and random, so every run produces the same outputs. */
function engine(options: DialogEngineOptions = {}) {
  let t = 1_700_000_000_000;
  return new DialogEngine({ now: () => (t += 10), random: () => 0.5, ...options });
}

let n = 0;
const text = (s: string) => createMessage('user.text', { id: `t${++n}`, text: s });
const action = (kind: string, target?: string, id = `a${++n}`) =>
  createMessage('user.action', target === undefined ? { id, kind } : { id, kind, target });
const hello = (language: string) =>
  createMessage('hello', { protocolVersion: '1.0', capabilities: [], language });

const said = (outs: DialogOutput[]) => outs.flatMap((o) => (o.kind === 'say' ? [o.say.text] : []));
const messages = (outs: DialogOutput[]) => outs.flatMap((o) => (o.kind === 'message' ? [o.message] : []));
const ofType = <T extends JsonMessage['type']>(outs: DialogOutput[], type: T) =>
  messages(outs).filter((m): m is Extract<JsonMessage, { type: T }> => m.type === type);

describe('DialogEngine conversations', () => {
  it('zh-CN: greets, answers FAQ with captions, emotion and state, in order', async () => {
    const e = engine();
    const greet = await e.handle(hello('zh-CN'));
    expect(said(greet)[0]).toContain('人工智能');
    expect(ofType(greet, 'ui.quick_replies')[0]?.replies.map((r) => r.label)).toContain('转人工');
    const hours = await e.handle(text('请问营业时间？'));
    expect(hours.map((o) => (o.kind === 'say' ? 'say' : o.message.type))).toEqual([
      'ack',
      'emotion.cue',
      'speech.caption',
      'say',
      'dialog.state',
    ]);
    expect(said(hours)[0]).toContain('9:00');
    const caption = ofType(hours, 'speech.caption')[0]!;
    const say = hours.find((o) => o.kind === 'say');
    expect(say?.kind === 'say' && say.say.utteranceId).toBe(caption.utteranceId);
    expect(ofType(hours, 'dialog.state')[0]).toMatchObject({ state: 'speaking', language: 'zh-CN' });
    expect(said(await e.handle(text('我的卡丢了')))[0]).toContain('挂失');
    expect(said(await e.handle(text('转账限额多少')))[0]).toContain('限额');
    expect(said(await e.handle(text('美元汇率')))[0]).toContain('不提供报价');
    expect(e.speechEnded().map((o) => o.kind === 'message' && o.message.type)).toEqual(['dialog.state']);
  });

  it('en: follows the customer language and answers small talk and FAQ', async () => {
    const e = engine();
    await e.handle(hello('en-GB'));
    expect(e.state.language).toBe('en');
    expect(said(await e.handle(text('How are you?')))[0]).toMatch(/doing well/);
    expect(said(await e.handle(text('Are you a robot?')))[0]).toMatch(/not a person/);
    expect(said(await e.handle(text('What are your opening hours?')))[0]).toMatch(/Monday to Friday/);
    expect(said(await e.handle(text('I lost my card')))[0]).toMatch(/freeze/);
    expect(said(await e.handle(text('exchange rate for dollars')))[0]).toMatch(/can't quote/);
    expect(said(await e.handle(text('营业时间')))[0]).toContain('营业');
    expect(e.state.language).toBe('zh-CN');
  });

  it('quick replies work like typed text', async () => {
    const e = engine({ language: 'en' });
    expect(said(await e.handle(action('quick_reply', 'transfer_limit')))[0]).toMatch(/limit/);
  });

  it('unknown input gets a polite fallback with quick replies, never an invented answer', async () => {
    const e = engine({ language: 'en' });
    const out = await e.handle(text('purple elephants dance'));
    expect(said(out)[0]).toMatch(/didn't quite get that/);
    expect(ofType(out, 'ui.quick_replies')).toHaveLength(1);
    expect(ofType(out, 'handoff.request')).toHaveLength(0);
  });

  it('acknowledges user messages by id and handles a retried id once', async () => {
    const e = engine();
    const first = await e.handle(action('quick_reply', 'opening_hours', 'same-id'));
    const retry = await e.handle(action('quick_reply', 'opening_hours', 'same-id'));
    expect(ofType(first, 'ack')[0]).toMatchObject({ ackId: 'same-id', ok: true });
    expect(messages(retry).map((m) => m.type)).toEqual(['ack']);
    expect(said(retry)).toEqual([]);
  });

  it('is deterministic with an injected clock and random', async () => {
    const run = async () => {
      n = 100;
      const e = engine();
      return [...(await e.handle(hello('zh-CN'))), ...(await e.handle(text('营业时间')))];
    };
    expect(await run()).toEqual(await run());
  });

  it('emits every output as an event, all valid protocol messages', async () => {
    const e = engine();
    const seen: DialogOutput[] = [];
    const off = e.on('output', (o) => seen.push(o));
    const returned = [...(await e.handle(hello('zh-CN'))), ...(await e.handle(text('乱七八糟的话')))];
    off();
    await e.handle(text('你好'));
    expect(seen).toEqual(returned);
  });

  it('announces thinking before a slow LLM answers, emitting each output once and in order', async () => {
    let release: (reply: LlmReply) => void = () => undefined;
    const llm: LlmAdapter = { name: 'deferred', complete: () => new Promise((r) => (release = r)) };
    const e = engine({ language: 'en', llm });
    const label = (o: DialogOutput) =>
      o.kind === 'say'
        ? 'say'
        : o.message.type === 'dialog.state'
          ? `state:${o.message.state}`
          : o.message.type;
    const seen: string[] = [];
    e.on('output', (o) => seen.push(label(o)));
    const turn = e.handle(text('what is a mortgage'));
    await vi.waitFor(() => expect(seen).toEqual(['ack', 'state:thinking']));
    release({ text: 'A loan to buy a home.' });
    const out = await turn;
    expect(seen).toEqual(out.map(label));
    expect(seen.slice(-2)).toEqual(['say', 'state:speaking']);
  });

  it('rejects after dispose', async () => {
    const e = engine();
    e.dispose();
    await expect(e.handle(text('你好'))).rejects.toMatchObject({ code: 'disposed' });
  });
});

describe('protocol names stay in step with core', () => {
  it('viseme and emotion names match @digital-human/core', () => {
    expect([...VISEME_NAMES]).toEqual([...VISEMES]);
    expect(EMOTION_NAMES.filter((x) => x !== 'neutral')).toEqual([...EMOTIONS]);
  });
});
