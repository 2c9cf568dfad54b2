import { describe, expect, it } from 'vitest';
import { createLocalLoop } from '../testing/localLoop';
import { MemoryAnalytics } from './analytics';
import { FinancialAdvisorFlow } from './FinancialAdvisorFlow';

function setup() {
  const analytics = new MemoryAnalytics();
  const flow = new FinancialAdvisorFlow({ analytics, idPrefix: 'f' });
  const loop = createLocalLoop(flow, 'en');
  return { flow, loop, analytics };
}

async function toProducts(flow: FinancialAdvisorFlow, settle: () => Promise<void>, answers: string[]) {
  flow.start();
  await settle();
  flow.submitForm({ goal: 'goal.wealth', horizon: 'h.long', amount: 100_000, preference: 'p.balanced' });
  await settle();
  flow.submitForm({ q1: answers[0] ?? '', q2: answers[1] ?? '', q3: answers[2] ?? '' });
  await settle();
}

describe('FinancialAdvisorFlow on the reference dialog', () => {
  it('runs to completion: C3 sees only R1–R3, disclosure gates everything, 双录 markers in order', async () => {
    const { flow, loop, analytics } = setup();
    await toProducts(flow, loop.settle, ['q1-s3', 'q2-s3', 'q3-s3']);
    const s = flow.getSnapshot();
    expect(s.step).toBe('products');
    expect(s.extra.customerLevel).toBe('C3');
    expect(s.content.products?.map((p) => p.riskLevel)).toEqual(['R1', 'R2', 'R3']);
    flow.press('plan.show');
    await loop.settle();
    const plan = flow.getSnapshot().extra.allocation;
    expect(plan.map((p) => p.productId)).toEqual(['cash-plus', 'bond-steady', 'balanced-mix']);
    expect(plan.reduce((a, p) => a + p.weight, 0)).toBeCloseTo(1);
    expect(plan[0]?.amount).toBeGreaterThan(plan[2]?.amount ?? Infinity);
    flow.acceptPlan();
    await loop.settle();
    expect(flow.getSnapshot().step).toBe('disclosure');
    expect(() => flow.confirm()).toThrow(/scrolled to the end/);
    expect(() => flow.acknowledgeDisclosure()).toThrow(/scrolled to the end/);
    // The dialog cannot skip the disclosure either.
    loop.inject({
      v: '1.0',
      type: 'dialog.state',
      state: 'listening',
      flow: 'financial_advisor',
      step: 'confirm',
    });
    expect(flow.getSnapshot().step).toBe('disclosure');
    flow.markDisclosureScrolled();
    flow.acknowledgeDisclosure();
    await loop.settle();
    expect(flow.getSnapshot().step).toBe('confirm');
    flow.confirm();
    await loop.settle();
    flow.submitSurvey({ csat: 4, nps: 8, text: '' });
    expect(flow.getSnapshot().step).toBe('done');
    const marks = loop.received.flatMap((m) =>
      m.type === 'ui.disclosure' ? [`${m.disclosureId.split('-')[1]}:${m.marker}`] : [],
    );
    expect(marks).toEqual(['risk:start', 'risk:end', 'confirm:start', 'confirm:end']);
    expect(analytics.types().filter((t) => t !== 'step_entered' && t !== 'disclosure')).toEqual([
      'flow_started',
      'recommendation_shown',
      'recommendation_accepted',
      'flow_completed',
      'survey_submitted',
    ]);
    expect(analytics.types()).not.toContain('compliance_blocked');
  });

  it('never exposes a product above the customer level, even when the dialog sends one', async () => {
    const { flow, loop, analytics } = setup();
    await toProducts(flow, loop.settle, ['q1-s1', 'q2-s1', 'q3-s3']);
    expect(flow.getSnapshot().extra.customerLevel).toBe('C2');
    loop.inject({
      v: '1.0',
      type: 'ui.products',
      products: [
        { productId: 'ok', name: 'Bond', riskLevel: 'R2', returnPct: 3 },
        { productId: 'bad', name: 'Crypto', riskLevel: 'R5', returnPct: 40 },
      ],
    });
    loop.inject({
      v: '1.0',
      type: 'dialog.state',
      state: 'listening',
      flow: 'financial_advisor',
      step: 'products',
    });
    const products = flow.getSnapshot().content.products ?? [];
    expect(products.map((p) => p.productId)).toEqual(['ok']);
    expect(flow.getSnapshot().extra.blockedProducts).toBe(1);
    expect(analytics.events.find((e) => e.type === 'compliance_blocked')).toMatchObject({
      productId: 'bad',
      productRisk: 'R5',
      customerLevel: 'C2',
    });
  });

  it('drops every product before the questionnaire gave a level', () => {
    const { flow, loop, analytics } = setup();
    loop.inject({
      v: '1.0',
      type: 'ui.products',
      products: [{ productId: 'p', name: 'P', riskLevel: 'R1' }],
    });
    loop.inject({
      v: '1.0',
      type: 'dialog.state',
      state: 'listening',
      flow: 'financial_advisor',
      step: 'products',
    });
    expect(flow.getSnapshot().content.products ?? []).toEqual([]);
    expect(analytics.types('compliance_blocked')).toHaveLength(1);
  });

  it('reports a drop-off at the risk disclosure', async () => {
    const { flow, loop, analytics } = setup();
    await toProducts(flow, loop.settle, ['q1-s5', 'q2-s5', 'q3-s5']);
    expect(flow.getSnapshot().content.products).toHaveLength(5);
    flow.press('plan.show');
    await loop.settle();
    flow.acceptPlan();
    await loop.settle();
    flow.abandon();
    expect(analytics.events.filter((e) => e.type === 'drop_off')).toMatchObject([{ step: 'disclosure' }]);
  });

  it('a complex question is handed to a person', async () => {
    const { flow, loop } = setup();
    flow.start();
    await loop.settle();
    flow.say('which stock should I buy?');
    await loop.settle();
    expect(loop.received.find((m) => m.type === 'handoff.request')).toMatchObject({
      reason: 'complex_advice',
    });
    expect(flow.getSnapshot().handoffPending).toBe(true);
  });
});
