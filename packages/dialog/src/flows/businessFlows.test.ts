import { createMessage, type JsonMessage } from '@digital-human/protocol';
import { describe, expect, it } from 'vitest';
import { DialogEngine } from '../DialogEngine';
import type { DialogLanguage } from '../language';
import { createBusinessFlows } from './businessFlows';
import { matchCards } from './cardCatalogue';

let n = 0;
const act = (kind: string, payload?: Record<string, string | number | boolean>, target?: string) =>
  createMessage('user.action', {
    id: `a${++n}`,
    kind,
    ...(payload ? { payload } : {}),
    ...(target ? { target } : {}),
  });

function engine(language: DialogLanguage) {
  const e = new DialogEngine({ language, flows: createBusinessFlows(), now: () => 0, random: () => 0.5 });
  const warnings: string[] = [];
  e.on('warning', (w) => warnings.push(w.code));
  return { e, warnings };
}
const msgs = (outs: Awaited<ReturnType<DialogEngine['handle']>>): JsonMessage[] =>
  outs.flatMap((o) => (o.kind === 'message' ? [o.message] : []));
const said = (outs: Awaited<ReturnType<DialogEngine['handle']>>) =>
  outs.flatMap((o) => (o.kind === 'say' ? [o.say.text] : []));

describe('business flow hooks', () => {
  it.each(['zh-CN', 'en'] as const)('every flow starts with valid ui messages in %s', async (lang) => {
    const { e, warnings } = engine(lang);
    for (const flow of ['card_application', 'financial_advisor', 'branch_greeter']) {
      const out = await e.handle(act('flow.start', { flow }));
      expect(msgs(out).some((m) => m.type.startsWith('ui.'))).toBe(true);
      expect(e.state.flow).toBe(flow);
    }
    const first = await engine(lang).e.handle(act('flow.start', { flow: 'card_application' }));
    expect(said(first)[0]).toMatch(lang === 'en' ? /benefits/ : /权益/);
    expect(warnings).toEqual([]);
  });

  it('the card hook recommends from the catalogue and moves through terms with 双录 markers', async () => {
    const { e, warnings } = engine('en');
    await e.handle(act('flow.start', { flow: 'card_application' }));
    const rec = msgs(await e.handle(act('form.submit', { benefit: 'dining', usage: 'domestic' }, 'needs')));
    const cards = rec.find((m) => m.type === 'ui.cards');
    expect(cards?.type === 'ui.cards' && cards.cards.map((c) => c.cardId)).toEqual(
      matchCards('dining', 'domestic').map((c) => c.cardId),
    );
    await e.handle(act('card.choose', { cardId: 'gourmet-gold' }));
    await e.handle(act('card.apply'));
    await e.handle(act('form.submit', { idFront: 'f.jpg', idBack: 'b.jpg' }, 'materials'));
    const terms = msgs(await e.handle(act('form.submit', { sms: true }, 'services')));
    const start = terms.find((m) => m.type === 'ui.disclosure');
    expect(start).toMatchObject({ marker: 'start', requireScroll: true });
    const after = msgs(await e.handle(act('disclosure.ack')));
    expect(after.find((m) => m.type === 'ui.disclosure')).toMatchObject({ marker: 'end' });
    expect(e.state.step).toBe('timeline');
    expect(warnings).toEqual([]);
  });

  it('the advisor hook only offers products within the level from the questionnaire', async () => {
    const { e } = engine('zh-CN');
    await e.handle(act('flow.start', { flow: 'financial_advisor' }));
    await e.handle(
      act(
        'form.submit',
        { goal: 'goal.wealth', horizon: 'h.mid', amount: 5000, preference: 'p.safe' },
        'profile',
      ),
    );
    const out = msgs(await e.handle(act('form.submit', { q1: 'q1-s1', q2: 'q2-s1', q3: 'q3-s3' }, 'risk')));
    const products = out.find((m) => m.type === 'ui.products');
    expect(products?.type === 'ui.products' && products.products.map((p) => p.riskLevel)).toEqual([
      'R1',
      'R2',
    ]);
    expect(products?.type === 'ui.products' && products.notice).toMatch(/过往业绩不代表未来表现/);
  });
});
