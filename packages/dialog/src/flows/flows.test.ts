import { createMessage, type JsonMessage } from '@digital-human/protocol';
import { describe, expect, it } from 'vitest';
import { DialogEngine } from '../DialogEngine';
import type { DialogOutput } from '../TurnWriter';
import { type FlowHook, FlowId } from './FlowHook';
import { FlowRegistry } from './FlowRegistry';

let n = 0;
const text = (s: string) => createMessage('user.text', { id: `t${++n}`, text: s });
const act = (kind: string, payload?: Record<string, string>) =>
  createMessage('user.action', payload ? { id: `a${++n}`, kind, payload } : { id: `a${++n}`, kind });
const said = (outs: DialogOutput[]) => outs.flatMap((o) => (o.kind === 'say' ? [o.say.text] : []));
const msgs = (outs: DialogOutput[]) => outs.flatMap((o) => (o.kind === 'message' ? [o.message] : []));
const last = <T extends JsonMessage['type']>(outs: DialogOutput[], type: T) =>
  msgs(outs)
    .filter((m): m is Extract<JsonMessage, { type: T }> => m.type === type)
    .at(-1);

/** A small scripted card-application hook, standing in for the widgets issue's real one. */
function scriptedCardHook(log: string[]): FlowHook {
  return {
    flow: FlowId.cardApplication,
    start: (ctx) => {
      log.push('start');
      return {
        say: { 'zh-CN': '您更看重哪些权益？', en: 'Which benefits matter most to you?' },
        step: 'needs',
        messages: [{ type: 'ui.quick_replies', replies: [{ id: ctx.newId('travel'), label: 'Travel' }] }],
      };
    },
    handleText: (t, ctx) => {
      if (!/travel|旅行/.test(t)) return null;
      log.push(`text:${ctx.step}`);
      return {
        say: 'Here is a travel card.',
        step: 'recommend',
        messages: [{ type: 'ui.card', card: { cardId: 'travel-plus', title: '<b>Travel Plus</b>' } }],
      };
    },
    handleAction: (a) => {
      log.push(`action:${a.kind}`);
      if (a.kind === 'advice') return { handoff: { reason: 'flow_rule', skills: ['cards'] } };
      return { say: 'Done.', done: true };
    },
    stop: () => {
      log.push('stop');
    },
  };
}

describe('flow hooks', () => {
  it('without a registered hook, the engine says the service is unavailable (no fake flow)', async () => {
    const e = new DialogEngine({ language: 'en' });
    const out = await e.handle(text('I want to apply for a credit card'));
    expect(said(out)[0]).toMatch(/can't help with that service here yet/);
    expect(e.state.flow).toBeUndefined();
    expect(msgs(out).some((m) => m.type.startsWith('ui.card'))).toBe(false);
  });

  it('routes intent, text and actions to the registered hook and reports flow and step', async () => {
    const flows = new FlowRegistry();
    const log: string[] = [];
    flows.register(scriptedCardHook(log));
    const e = new DialogEngine({ language: 'en', flows, idPrefix: 's1' });
    const start = await e.handle(text('I want a credit card'));
    expect(said(start)).toEqual(['Which benefits matter most to you?']);
    expect(last(start, 'dialog.state')).toMatchObject({ flow: 'card_application', step: 'needs' });
    const rec = await e.handle(text('travel benefits please'));
    expect(last(rec, 'ui.card')?.card.title).toBe('<b>Travel Plus</b>');
    expect(last(rec, 'dialog.state')?.step).toBe('recommend');
    // Text the hook does not claim falls through to the general rules without leaving the flow.
    expect(said(await e.handle(text('opening hours?')))[0]).toMatch(/Monday/);
    expect(e.state.flow).toBe('card_application');
    await e.handle(act('choose'));
    expect(e.state.flow).toBeUndefined();
    expect(log).toEqual(['start', 'text:needs', 'action:choose', 'stop']);
  });

  it('a flow rule can ask for a human with its own skills', async () => {
    const flows = new FlowRegistry();
    flows.register(scriptedCardHook([]));
    const e = new DialogEngine({ language: 'zh-CN', flows });
    await e.handle(act('flow.start', { flow: 'card_application' }));
    const out = await e.handle(act('advice'));
    expect(last(out, 'handoff.request')).toMatchObject({
      reason: 'flow_rule',
      skills: ['cards'],
      flow: 'card_application',
    });
  });

  it('a failing hook is reported as a warning and the customer gets a polite answer', async () => {
    const flows = new FlowRegistry();
    flows.register({
      flow: FlowId.financialAdvisor,
      start: () => {
        throw new Error('boom');
      },
      handleText: () => null,
      handleAction: () => null,
    });
    const e = new DialogEngine({ language: 'en', flows });
    const warnings: string[] = [];
    e.on('warning', (w) => warnings.push(w.code));
    const out = await e.handle(text('I want to invest'));
    expect(warnings).toEqual(['flow-failed']);
    expect(said(out)[0]).toMatch(/can't help/);
    expect(e.state.flow).toBeUndefined();
  });

  it('invalid hook output is dropped with a warning, never sent', async () => {
    const flows = new FlowRegistry();
    flows.register({
      flow: FlowId.branchGreeter,
      start: () => ({
        messages: [{ type: 'ui.card', card: { cardId: 'bad id!', title: 'x' } }],
        step: 'greet',
      }),
      handleText: () => null,
      handleAction: () => null,
    });
    const e = new DialogEngine({ flows });
    const warnings: string[] = [];
    e.on('warning', (w) => warnings.push(w.code));
    const out = await e.handle(text('我要取号'));
    expect(msgs(out).some((m) => m.type === 'ui.card')).toBe(false);
    expect(warnings).toEqual(['invalid']);
  });

  it('the registry refuses duplicates and unregisters', () => {
    const flows = new FlowRegistry();
    const changes: string[] = [];
    flows.on('change', (f, h) => changes.push(`${f}:${h ? 'on' : 'off'}`));
    const off = flows.register(scriptedCardHook([]));
    expect(() => flows.register(scriptedCardHook([]))).toThrow(/already registered/);
    expect(flows.list()).toEqual(['card_application']);
    off();
    expect(flows.has('card_application')).toBe(false);
    expect(changes).toEqual(['card_application:on', 'card_application:off']);
  });
});
