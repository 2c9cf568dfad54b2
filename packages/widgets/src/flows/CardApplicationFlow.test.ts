import { describe, expect, it } from 'vitest';
import { createLocalLoop } from '../testing/localLoop';
import { MemoryAnalytics } from './analytics';
import { CardApplicationFlow } from './CardApplicationFlow';
import type { ImagePixels } from './imagePrecheck';

/** A sharp synthetic photo: a checkerboard of 8-px squares. */
function photo(width = 800, height = 500): ImagePixels {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const v = ((x >> 3) + (y >> 3)) % 2 ? 230 : 20;
      data.set([v, v, v, 255], (y * width + x) * 4);
    }
  return { width, height, data };
}
const jpeg = (name: string) => ({ name, type: 'image/jpeg', size: 200_000 });

function setup(language: 'zh-CN' | 'en' = 'en') {
  const analytics = new MemoryAnalytics();
  let t = 0;
  const flow = new CardApplicationFlow({ analytics, now: () => (t += 1000), idPrefix: 'c' });
  const loop = createLocalLoop(flow, language);
  return { flow, loop, analytics };
}

async function toTerms(flow: CardApplicationFlow, settle: () => Promise<void>) {
  flow.start();
  await settle();
  flow.submitForm({ benefit: 'travel', usage: 'abroad' });
  await settle();
  flow.choose(flow.getSnapshot().content.cards?.cards[0]?.cardId ?? '');
  await settle();
  flow.apply();
  await settle();
  flow.checkUpload('idFront', jpeg('front.jpg'), photo());
  flow.checkUpload('idBack', jpeg('back.jpg'), photo());
  flow.submitForm({});
  await settle();
  flow.submitForm({ sms: true, autopay: false, insurance: true });
  await settle();
}

describe('CardApplicationFlow on the reference dialog', () => {
  it('runs the whole application to completion, with KPIs in order', async () => {
    const { flow, loop, analytics } = setup();
    const steps: string[] = [];
    flow.subscribe(() => {
      if (steps.at(-1) !== flow.getSnapshot().step) steps.push(flow.getSnapshot().step);
    });
    await toTerms(flow, loop.settle);
    expect(flow.getSnapshot().content.disclosure?.requireScroll).toBe(true);
    expect(() => flow.acknowledgeDisclosure()).toThrow(/scrolled to the end/);
    flow.markDisclosureScrolled();
    flow.acknowledgeDisclosure();
    await loop.settle();
    for (let i = 0; i < 3; i++) {
      flow.proceed();
      await loop.settle();
    }
    expect(flow.getSnapshot().content.survey?.csat).toBe(true);
    flow.submitSurvey({ csat: 5, nps: 9, text: 'great' });
    await loop.settle();
    expect(steps.slice(1)).toEqual([
      'needs',
      'recommend',
      'details',
      'materials',
      'services',
      'terms',
      'timeline',
      'activation',
      'tips',
      'survey',
      'done',
    ]);
    expect(analytics.types().filter((t) => t !== 'step_entered')).toEqual([
      'flow_started',
      'recommendation_shown',
      'recommendation_accepted',
      'disclosure',
      'disclosure',
      'disclosure',
      'disclosure',
      'flow_completed',
      'survey_submitted',
    ]);
    const shown = analytics.events.find((e) => e.type === 'recommendation_shown');
    expect(shown).toMatchObject({ turns: 2, itemIds: ['skyway-platinum', 'globe-miles'] });
    const marks = analytics.events.flatMap((e) => (e.type === 'disclosure' ? [e.marker] : []));
    expect(marks).toEqual(['start', 'scrolled', 'acknowledged', 'end']);
    const done = analytics.events.find((e) => e.type === 'flow_completed');
    expect(done?.type === 'flow_completed' && done.handlingTimeMs).toBeGreaterThan(0);
    loop.dispose();
  });

  it('choose again goes back to need discovery; the dialog speaks zh-CN', async () => {
    const { flow, loop } = setup('zh-CN');
    flow.start();
    await loop.settle();
    flow.submitForm({ benefit: 'dining', usage: 'domestic' });
    await loop.settle();
    expect(flow.getSnapshot().content.cards?.cards[0]?.title).toBe('美食金卡');
    flow.chooseAgain();
    await loop.settle();
    expect(flow.getSnapshot().step).toBe('needs');
    expect(flow.getSnapshot().captions.at(-1)?.text).toMatch(/权益/);
  });

  it.each([
    ['materials', 2],
    ['services', 3],
    ['terms', 4],
  ] as const)('reports a drop-off at %s', async (step, submits) => {
    const { flow, loop, analytics } = setup();
    flow.start();
    await loop.settle();
    flow.submitForm({ benefit: 'cashback', usage: 'online' });
    await loop.settle();
    flow.choose('everyday-cashback');
    await loop.settle();
    flow.apply();
    await loop.settle();
    if (submits > 2) {
      flow.checkUpload('idFront', jpeg('f.jpg'), photo());
      flow.checkUpload('idBack', jpeg('b.jpg'), photo());
      flow.submitForm({});
      await loop.settle();
    }
    if (submits > 3) {
      flow.submitForm({ sms: true });
      await loop.settle();
    }
    expect(flow.getSnapshot().step).toBe(step);
    flow.abandon();
    flow.abandon();
    const drops = analytics.events.filter((e) => e.type === 'drop_off');
    expect(drops).toHaveLength(1);
    expect(drops[0]).toMatchObject({ step, reason: 'abandoned' });
    expect(analytics.types()).not.toContain('flow_completed');
  });

  it('refuses materials that fail the pre-check and does not advance', async () => {
    const { flow, loop } = setup();
    flow.start();
    await loop.settle();
    flow.submitForm({ benefit: 'miles', usage: 'abroad' });
    await loop.settle();
    flow.choose('globe-miles');
    await loop.settle();
    flow.apply();
    await loop.settle();
    expect(
      flow.checkUpload('idFront', { name: 'x.gif', type: 'image/gif', size: 10 }, photo(200, 100)).problems,
    ).toEqual(['type', 'resolution']);
    expect(() => flow.submitForm({})).toThrow(/idFront, idBack/);
    expect(flow.getSnapshot().step).toBe('materials');
  });

  it('a handoff request is sent with the step and counted as a drop-off', async () => {
    const { flow, loop, analytics } = setup();
    flow.start();
    await loop.settle();
    flow.requestHandoff();
    await loop.settle();
    expect(loop.sent.at(-1)).toMatchObject({ kind: 'handoff', payload: { step: 'needs' } });
    expect(loop.received.some((m) => m.type === 'handoff.request')).toBe(true);
    expect(flow.getSnapshot().handoffPending).toBe(true);
    expect(analytics.types('handoff_requested', 'drop_off')).toEqual(['handoff_requested', 'drop_off']);
  });

  it('ignores a step the transition table does not allow', async () => {
    const { flow, loop } = setup();
    flow.start();
    await loop.settle();
    loop.inject({
      v: '1.0',
      type: 'dialog.state',
      state: 'listening',
      flow: 'card_application',
      step: 'activation',
    });
    expect(flow.getSnapshot().step).toBe('needs');
  });
});
