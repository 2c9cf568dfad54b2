import { describe, expect, it } from 'vitest';
import { createLocalLoop } from '../testing/localLoop';
import { MemoryAnalytics } from './analytics';
import { BranchGreeterFlow } from './BranchGreeterFlow';

function setup() {
  const analytics = new MemoryAnalytics();
  const flow = new BranchGreeterFlow({ analytics, idPrefix: 'g' });
  const loop = createLocalLoop(flow, 'zh-CN');
  return { flow, loop, analytics };
}

describe('BranchGreeterFlow on the reference dialog', () => {
  it('attract → greet → quiz → ticket → survey → done, then goodbye and back to attract', async () => {
    const { flow, loop, analytics } = setup();
    flow.start();
    await loop.settle();
    expect(flow.getSnapshot().step).toBe('attract');
    expect(flow.getSnapshot().extra.promos).toHaveLength(2);
    flow.nextPromo();
    expect(flow.getSnapshot().extra.promoIndex).toBe(1);
    flow.presence(true);
    await loop.settle();
    expect(flow.getSnapshot().step).toBe('greet');
    expect(flow.getSnapshot().captions.at(-1)?.text).toMatch(/欢迎/);
    flow.quickReply('greet.quiz');
    await loop.settle();
    flow.submitForm({ spend: 'q1.travel' });
    await loop.settle();
    expect(flow.getSnapshot().content.card?.title).toBe('云途白金卡');
    flow.quickReply('greet.ticket');
    await loop.settle();
    const ticket = flow.getSnapshot().content.ticket;
    expect(ticket?.number).toMatch(/^C\d{3}$/);
    expect(ticket?.qr).toContain(ticket?.number);
    flow.quickReply('greet.finish');
    await loop.settle();
    flow.submitSurvey({ csat: 5, nps: 10, text: '' });
    await loop.settle();
    expect(flow.getSnapshot().step).toBe('done');
    flow.presence(false);
    await loop.settle();
    expect(flow.getSnapshot().step).toBe('goodbye');
    flow.start();
    await loop.settle();
    expect(flow.getSnapshot().step).toBe('attract');
    expect(analytics.types().filter((t) => t !== 'step_entered')).toEqual([
      'flow_started',
      'queue_ticket',
      'flow_completed',
      'survey_submitted',
    ]);
    expect(analytics.events.find((e) => e.type === 'queue_ticket')).toMatchObject({
      success: true,
      businessType: '信用卡业务',
    });
  });

  it('a customer who walks away mid-way is a drop-off at that step', async () => {
    const { flow, loop, analytics } = setup();
    flow.start();
    await loop.settle();
    flow.presence(true);
    await loop.settle();
    flow.quickReply('greet.guide');
    await loop.settle();
    expect(flow.getSnapshot().content.cards?.cards).toHaveLength(2);
    flow.presence(false);
    await loop.settle();
    expect(analytics.events.filter((e) => e.type === 'drop_off')).toMatchObject([
      { step: 'guide', reason: 'left' },
    ]);
    expect(flow.getSnapshot().step).toBe('goodbye');
  });

  it('a ticket step without a ticket is reported as a failed queue ticket', async () => {
    const { flow, loop, analytics } = setup();
    flow.start();
    await loop.settle();
    flow.presence(true);
    await loop.settle();
    loop.inject({
      v: '1.0',
      type: 'dialog.state',
      state: 'listening',
      flow: 'branch_greeter',
      step: 'ticket',
    });
    expect(flow.getSnapshot().step).toBe('ticket');
    expect(analytics.events.find((e) => e.type === 'queue_ticket')).toMatchObject({ success: false });
  });
});
