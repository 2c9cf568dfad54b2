import { createMessage, type JsonMessage } from '@digital-human/protocol';
import { describe, expect, it } from 'vitest';
import { DialogEngine } from './DialogEngine';
import type { DialogOutput } from './TurnWriter';

let n = 0;
const text = (s: string) => createMessage('user.text', { id: `t${++n}`, text: s });
const sentiment = (label: 'negative' | 'neutral', valence: number) =>
  createMessage('user.sentiment', {
    valence,
    arousal: 0.7,
    label,
    confidence: 0.9,
    presence: true,
    attention: 0.8,
  });
const requests = (outs: DialogOutput[]) =>
  outs.flatMap((o) => (o.kind === 'message' && o.message.type === 'handoff.request' ? [o.message] : []));
const said = (outs: DialogOutput[]) => outs.flatMap((o) => (o.kind === 'say' ? [o.say.text] : []));
const engine = () => new DialogEngine({ now: () => 0, random: () => 0 });

describe('escalation to a human', () => {
  it.each(['转人工', '人工客服', '我要找人工', 'human agent please', 'Can I talk to a person?'])(
    '"%s" raises an explicit handoff request',
    async (phrase) => {
      const out = await engine().handle(text(phrase));
      expect(requests(out)).toEqual([expect.objectContaining({ reason: 'explicit', skills: ['general'] })]);
      const state = out.find((o) => o.kind === 'message' && o.message.type === 'handoff.state');
      expect(state?.kind === 'message' && state.message).toMatchObject({ controller: 'ai', pending: true });
      expect(said(out)).toHaveLength(1);
    },
  );

  it('a complaint routes to complaint-handling skills', async () => {
    const out = await engine().handle(text('我要投诉你们'));
    expect(requests(out)[0]).toMatchObject({ reason: 'complaint', skills: ['complaints', 'soothing'] });
  });

  it('a streak of negative sentiment raises one request', async () => {
    const e = engine();
    const outs: DialogOutput[] = [];
    for (let i = 0; i < 5; i++) outs.push(...(await e.handle(sentiment('negative', -0.7))));
    expect(requests(outs).map((r) => r.reason)).toEqual(['negative_sentiment']);
    expect(e.state.handoffPending).toBe(true);
  });

  it('neutral sentiment in between breaks the streak', async () => {
    const e = engine();
    const outs: DialogOutput[] = [];
    for (const s of [sentiment('negative', -0.7), sentiment('negative', -0.7), sentiment('neutral', 0)]) {
      outs.push(...(await e.handle(s)));
    }
    outs.push(...(await e.handle(sentiment('negative', -0.7))));
    expect(requests(outs)).toHaveLength(0);
  });

  it('N turns without progress escalate instead of a fourth fallback', async () => {
    const e = new DialogEngine({ language: 'en', escalation: { turnsWithoutProgress: 3 } });
    const a = await e.handle(text('blorp'));
    const b = await e.handle(text('zzz qqq'));
    expect(requests([...a, ...b])).toHaveLength(0);
    const c = await e.handle(text('xyzzy'));
    expect(requests(c)[0]).toMatchObject({ reason: 'no_progress' });
    expect(said(c)[0]).toMatch(/haven't understood/);
  });

  it('an answered FAQ resets the no-progress count', async () => {
    const e = new DialogEngine({ language: 'en', escalation: { turnsWithoutProgress: 2 } });
    await e.handle(text('blorp'));
    await e.handle(text('opening hours?'));
    expect(requests(await e.handle(text('blorp')))).toHaveLength(0);
  });

  it('take over silences the engine (assist suggestions only); hand back resumes with the human part remembered', async () => {
    const e = engine();
    await e.handle(text('转人工'));
    const take = await e.handle(createMessage('handoff.take_over', { operatorId: 'op-1' }));
    expect(take.map((o) => o.kind === 'message' && o.message)).toEqual([
      expect.objectContaining({ type: 'handoff.state', controller: 'human', operatorId: 'op-1' }),
    ]);
    expect(e.state.controller).toBe('human');
    const during = await e.handle(text('营业时间'));
    expect(during.map((o) => o.kind === 'message' && (o.message as JsonMessage).type)).toEqual([
      'ack',
      'handoff.assist',
    ]);
    const assist = during.find((o) => o.kind === 'message' && o.message.type === 'handoff.assist');
    expect(
      assist?.kind === 'message' && assist.message.type === 'handoff.assist' && assist.message.suggestions[0],
    ).toContain('9:00');
    const back = await e.handle(
      createMessage('handoff.hand_back', { transcript: [{ speaker: 'operator', text: '已为您处理。' }] }),
    );
    expect(said(back)[0]).toContain('我回来了');
    expect(e.state).toMatchObject({ controller: 'ai', handoffPending: false });
    expect(requests(await e.handle(text('转人工')))).toHaveLength(1);
  });
});
