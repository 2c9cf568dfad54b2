import { LocalTransport } from '@digital-human/dialog/local';
import type { JsonMessage } from '@digital-human/protocol';
import dataUrl from '@echogarden/espeak-ng-emscripten/espeak-ng.data?url';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { MemoryAnalytics, type WidgetAnalyticsEvent } from './flows/analytics';
import { BranchGreeterFlow } from './flows/BranchGreeterFlow';
import { CardApplicationFlow } from './flows/CardApplicationFlow';
import { FinancialAdvisorFlow } from './flows/FinancialAdvisorFlow';
import { photoFile, shot } from './testing/browserHarness';
import { BranchGreeterWidget } from './ui/BranchGreeterWidget';
import { CardApplicationWidget } from './ui/CardApplicationWidget';
import { FinancialAdvisorWidget } from './ui/FinancialAdvisorWidget';

/** The drop-ins over a real LocalTransport: dialog engine + espeak-ng in a worker, speech on an AudioContext. */
let transport: LocalTransport | undefined;
let root: Root | undefined;
let container: HTMLElement | undefined;
const received: JsonMessage[] = [];

afterEach(async () => {
  root?.unmount();
  container?.remove();
  await transport?.dispose();
  transport = undefined;
  received.length = 0;
});

async function connect(language: 'en' | 'zh-CN'): Promise<LocalTransport> {
  const t = new LocalTransport({ espeakData: dataUrl, language, businessFlows: true });
  t.events.on('message', ({ message }) => {
    if (message.type !== 'operator.face') received.push(message);
  });
  await t.connect();
  await t.startAudio();
  transport = t;
  return t;
}

/** Mounts a drop-in: the avatar slot holds a marker element standing in for `<DigitalHuman/>`. */
function render(node: React.ReactNode): void {
  document.body.style.margin = '0';
  container = document.createElement('div');
  container.style.cssText = 'position:fixed;inset:0;';
  document.body.append(container);
  root = createRoot(container);
  root.render(node);
}

const avatar = (
  <div data-testid="avatar-slot" style={{ width: '100%', height: '100%', background: '#cde' }} />
);

/** Waits (up to 20 s: the worker speaks every step) until `get()` is `value`. */
async function until<T>(get: () => T, value: T): Promise<void> {
  await vi.waitFor(() => expect(get()).toBe(value), { timeout: 20_000, interval: 30 });
}

/** Analytics types without the per-step noise, in order. */
const kpis = (a: MemoryAnalytics) =>
  a.types().filter((t) => t !== 'step_entered' && t !== 'disclosure' && t !== 'compliance_blocked');

/** Steps entered, in order. */
const steps = (events: readonly WidgetAnalyticsEvent[]) =>
  events.flatMap((e) => (e.type === 'step_entered' ? [e.step] : []));

/** Card flow, in English: needs (travel, abroad) → recommendations → the first card → details → materials. */
async function cardToMaterials(step: () => string): Promise<void> {
  await page.getByRole('radio', { name: 'Travel' }).click();
  await page.getByRole('radio', { name: 'Abroad' }).click();
  await page.getByRole('button', { name: 'Submit' }).click();
  await until(step, 'recommend');
  await page.getByRole('button', { name: 'Choose' }).first().click();
  await until(step, 'details');
  await page.getByRole('button', { name: 'Apply' }).click();
  await until(step, 'materials');
}

/** Advisor flow, in English: a balanced growth profile for `amount` → a questionnaire scoring C2 → products. */
async function advisorToProducts(step: () => string, amount: string): Promise<void> {
  await page.getByRole('radio', { name: 'Growth' }).first().click();
  await page.getByRole('radio', { name: 'Over 3 years' }).click();
  await page.getByLabelText('Amount (¥)').fill(amount);
  await page.getByRole('radio', { name: 'Balanced' }).click();
  await page.getByRole('button', { name: 'Submit' }).click();
  await until(step, 'questionnaire');
  await page.getByRole('radio', { name: 'Hold' }).click();
  await page.getByRole('radio', { name: 'None' }).click();
  await page.getByRole('radio', { name: '10%–50%' }).click();
  await page.getByRole('button', { name: 'Submit' }).click();
  await until(step, 'products');
}

/** Sends a message on the transport as the dialog service would (a misbehaving one). */
function fromDialog(t: LocalTransport, message: JsonMessage): void {
  t.events.emit('message', { message, sender: { identity: 'local-dialog', role: 'agent' } });
}

describe('drop-in widgets over the LocalTransport (worker + espeak-ng)', () => {
  it('card application: needs → … → done, with captions from the worker', async () => {
    await page.viewport(360, 640);
    const t = await connect('en');
    const analytics = new MemoryAnalytics();
    const flow = new CardApplicationFlow({ analytics, idPrefix: 'dc' });
    render(
      <CardApplicationWidget transport={t} flow={flow} analytics={analytics} avatar={avatar} language="en" />,
    );
    const step = () => flow.getSnapshot().step;
    await until(step, 'needs');
    await expect.element(page.getByTestId('avatar-slot')).toBeVisible();
    await vi.waitFor(() => expect(flow.getSnapshot().captions.length).toBeGreaterThan(0), {
      timeout: 20_000,
    });
    await cardToMaterials(step);
    await page.getByLabelText('ID card, photo side *').upload(await photoFile('front.png'));
    await page.getByLabelText('ID card, back *').upload(await photoFile('back.png'));
    await until(() => flow.missingMaterials().length, 0);
    await page.getByRole('button', { name: 'Next' }).click();
    await until(step, 'services');
    await page.getByRole('checkbox', { name: 'SMS alerts' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await until(step, 'terms');
    const box = page.getByTestId('disclosure-text').element() as HTMLElement;
    box.scrollTop = box.scrollHeight;
    await page.getByRole('button', { name: 'I have read and agree' }).click();
    for (const s of ['timeline', 'activation', 'tips', 'survey'] as const) {
      if (s !== 'timeline') await page.getByRole('button', { name: 'Next' }).click();
      await until(step, s);
    }
    await page.getByRole('radio', { name: '5' }).first().click();
    await page.getByRole('button', { name: 'Submit' }).click();
    await until(step, 'done');
    await shot('dropin-card-done');
    expect(steps(analytics.events)).toEqual([
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
    expect(kpis(analytics)).toEqual([
      'flow_started',
      'recommendation_shown',
      'recommendation_accepted',
      'flow_completed',
      'survey_submitted',
    ]);
    expect(received.some((m) => m.type === 'speech.caption')).toBe(true);
  });

  it('card application drop-off: the customer asks for a person at the materials step', async () => {
    await page.viewport(360, 640);
    const t = await connect('en');
    const analytics = new MemoryAnalytics();
    const flow = new CardApplicationFlow({ analytics, idPrefix: 'dd' });
    render(<CardApplicationWidget transport={t} flow={flow} avatar={avatar} language="en" />);
    const step = () => flow.getSnapshot().step;
    await until(step, 'needs');
    await cardToMaterials(step);
    await page.getByRole('button', { name: 'Talk to a person' }).click();
    await vi.waitFor(() => expect(received.some((m) => m.type === 'handoff.request')).toBe(true), {
      timeout: 20_000,
    });
    const drop = analytics.events.find((e) => e.type === 'drop_off');
    expect(drop).toMatchObject({ type: 'drop_off', step: 'materials', reason: 'handoff' });
    expect(kpis(analytics)).toEqual([
      'flow_started',
      'recommendation_shown',
      'recommendation_accepted',
      'handoff_requested',
      'drop_off',
    ]);
  });

  it('card application: a card name containing markup from the dialog renders as text', async () => {
    await page.viewport(360, 640);
    const t = await connect('en');
    let alerted = false;
    window.alert = () => {
      alerted = true;
    };
    const flow = new CardApplicationFlow({ idPrefix: 'dx' });
    render(<CardApplicationWidget transport={t} flow={flow} avatar={avatar} language="en" />);
    await until(() => flow.getSnapshot().step, 'needs');
    const evil = '<img src=x onerror=alert(1)>';
    fromDialog(t, { v: '1.0', type: 'ui.cards', cards: [{ cardId: 'evil', title: evil }] });
    fromDialog(t, {
      v: '1.0',
      type: 'dialog.state',
      state: 'listening',
      flow: 'card_application',
      step: 'recommend',
    });
    await expect.element(page.getByRole('heading', { name: evil })).toBeVisible();
    expect(container?.querySelector('img')).toBeNull();
    expect(alerted).toBe(false);
  });

  it('branch greeter: attract → greet → quiz → ticket → guide → survey → done; and a customer who leaves', async () => {
    await page.viewport(1080, 1920);
    const t = await connect('zh-CN');
    const analytics = new MemoryAnalytics();
    const flow = new BranchGreeterFlow({ analytics, idPrefix: 'dg' });
    render(
      <BranchGreeterWidget
        transport={t}
        flow={flow}
        avatar={avatar}
        language="zh-CN"
        layout="kiosk"
        goodbyeMs={200}
      />,
    );
    const step = () => flow.getSnapshot().step;
    await until(step, 'attract');
    await page.getByRole('button', { name: '开始服务' }).click();
    await until(step, 'greet');
    await page.getByRole('button', { name: '哪张卡适合我' }).click();
    await until(step, 'quiz');
    await page.getByRole('radio', { name: '吃饭聚餐' }).click();
    await page.getByRole('button', { name: '提交' }).click();
    await until(step, 'quiz_result');
    await page.getByRole('button', { name: '取号排队' }).click();
    await until(step, 'ticket');
    await expect.element(page.getByTestId('ticket')).toBeVisible();
    await page.getByRole('button', { name: '办事指南' }).click();
    await until(step, 'guide');
    await page.getByRole('button', { name: '没有了，谢谢' }).click();
    await until(step, 'survey');
    await page.getByRole('radio', { name: '5' }).first().click();
    await page.getByRole('button', { name: '提交' }).click();
    await until(step, 'done');
    flow.presence(false);
    await until(step, 'attract');
    expect(kpis(analytics)).toEqual(['flow_started', 'queue_ticket', 'flow_completed', 'survey_submitted']);
    expect(steps(analytics.events).slice(0, 7)).toEqual([
      'greet',
      'quiz',
      'quiz_result',
      'ticket',
      'guide',
      'survey',
      'done',
    ]);
    // The next customer walks away in the middle of the quiz: a drop-off at that step.
    analytics.events.length = 0;
    flow.presence(true);
    await until(step, 'greet');
    await page.getByRole('button', { name: '哪张卡适合我' }).click();
    await until(step, 'quiz');
    flow.presence(false);
    await until(step, 'goodbye');
    expect(kpis(analytics)).toEqual(['flow_started', 'drop_off']);
    expect(analytics.events.find((e) => e.type === 'drop_off')).toMatchObject({
      step: 'quiz',
      reason: 'left',
    });
  });
  it('financial advisor: profile → questionnaire → products (never above C-level) → … → done', async () => {
    await page.viewport(360, 640);
    const t = await connect('en');
    const analytics = new MemoryAnalytics();
    const flow = new FinancialAdvisorFlow({ analytics, idPrefix: 'da' });
    render(<FinancialAdvisorWidget transport={t} flow={flow} avatar={avatar} language="en" />);
    const step = () => flow.getSnapshot().step;
    await until(step, 'profile');
    await advisorToProducts(step, '100000');
    await expect.element(page.getByTestId('customer-level')).toHaveTextContent('C2');
    // What the worker's dialog sent for this level: nothing above R2.
    const sentByDialog = received.flatMap((m) => (m.type === 'ui.products' ? m.products : []));
    expect(sentByDialog.length).toBeGreaterThan(0);
    // A misbehaving dialog service sends an R5 product over the transport: it must never appear.
    fromDialog(t, {
      v: '1.0',
      type: 'ui.products',
      products: [
        { productId: 'bond-steady', name: 'Steady Bond', riskLevel: 'R2', returnPct: 3.1 },
        { productId: 'rogue', name: 'Rogue Leveraged Fund', riskLevel: 'R5', returnPct: 55 },
      ],
    });
    fromDialog(t, {
      v: '1.0',
      type: 'dialog.state',
      state: 'listening',
      flow: 'financial_advisor',
      step: 'products',
    });
    await expect.element(page.getByText('Steady Bond')).toBeVisible();
    expect(document.body.textContent).not.toContain('Rogue Leveraged Fund');
    expect(document.body.textContent).not.toMatch(/\bR[3-5]\b/);
    expect(analytics.types('compliance_blocked')).toEqual(['compliance_blocked']);
    await page.getByRole('button', { name: 'See the plan' }).click();
    await until(step, 'plan');
    await page.getByRole('button', { name: 'Accept the plan' }).click();
    await until(step, 'disclosure');
    const box = page.getByTestId('disclosure-text').element() as HTMLElement;
    box.scrollTop = box.scrollHeight;
    await page.getByRole('button', { name: 'I have read and understood' }).click();
    await until(step, 'confirm');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await until(step, 'survey');
    await page.getByRole('radio', { name: '4' }).first().click();
    await page.getByRole('button', { name: 'Submit' }).click();
    await until(step, 'done');
    expect(steps(analytics.events)).toEqual([
      'profile',
      'questionnaire',
      'products',
      'plan',
      'disclosure',
      'confirm',
      'survey',
      'done',
    ]);
    expect(kpis(analytics)).toEqual([
      'flow_started',
      'recommendation_shown',
      'recommendation_accepted',
      'flow_completed',
      'survey_submitted',
    ]);
    const marks = received.flatMap((m) => (m.type === 'ui.disclosure' ? [m.marker] : []));
    expect(marks).toEqual(['start', 'end', 'start', 'end']);
  });

  it('financial advisor drop-off: the customer closes the flow at the risk disclosure', async () => {
    await page.viewport(360, 640);
    const t = await connect('en');
    const analytics = new MemoryAnalytics();
    const flow = new FinancialAdvisorFlow({ analytics, idPrefix: 'de' });
    render(<FinancialAdvisorWidget transport={t} flow={flow} avatar={avatar} language="en" />);
    const step = () => flow.getSnapshot().step;
    await until(step, 'profile');
    await advisorToProducts(step, '50000');
    await page.getByRole('button', { name: 'See the plan' }).click();
    await until(step, 'plan');
    await page.getByRole('button', { name: 'Accept the plan' }).click();
    await until(step, 'disclosure');
    await expect.element(page.getByRole('button', { name: 'I have read and understood' })).toBeDisabled();
    flow.abandon();
    expect(analytics.events.at(-1)).toMatchObject({
      type: 'drop_off',
      step: 'disclosure',
      reason: 'abandoned',
    });
    expect(kpis(analytics).at(-1)).toBe('drop_off');
    expect(kpis(analytics)).not.toContain('flow_completed');
  });
});
