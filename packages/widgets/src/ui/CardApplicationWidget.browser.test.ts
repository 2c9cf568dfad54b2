import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { MemoryAnalytics } from '../flows/analytics';
import { CardApplicationFlow } from '../flows/CardApplicationFlow';
import { type Mounted, mount, photoFile, shot, until } from '../testing/browserHarness';
import { createLocalLoop } from '../testing/localLoop';
import { CardApplicationWidget } from './CardApplicationWidget';

const SIZES = [
  { name: 'mobile', width: 360, height: 640, layout: 'mobile' },
  { name: 'kiosk', width: 1080, height: 1920, layout: 'kiosk' },
] as const;

let mounted: Mounted | undefined;
afterEach(() => mounted?.unmount());

function setup(layout: 'mobile' | 'kiosk', language: 'en' | 'zh-CN' = 'en') {
  const analytics = new MemoryAnalytics();
  const flow = new CardApplicationFlow({ analytics, idPrefix: `b${Math.random().toString(36).slice(2, 8)}` });
  const loop = createLocalLoop(flow, language);
  mounted = mount(CardApplicationWidget, { flow, layout, language });
  return { flow, loop, analytics };
}

describe('CardApplicationWidget in Chromium on the local dialog', () => {
  for (const size of SIZES)
    it(`clicks through the whole application (${size.name} ${size.width}×${size.height})`, async () => {
      await page.viewport(size.width, size.height);
      const { flow, analytics } = setup(size.layout);
      const step = () => flow.getSnapshot().step;
      const s = (n: string) => shot(`card-${size.name}-${n}`);
      await until(step, 'needs');
      await expect.element(page.getByText('AI-generated assistant')).toBeVisible();
      await page.getByRole('radio', { name: 'Travel' }).click();
      await page.getByRole('radio', { name: 'Abroad' }).click();
      await s('01-needs');
      await page.getByRole('button', { name: 'Submit' }).click();
      await until(step, 'recommend');
      await expect.element(page.getByRole('table')).toBeVisible();
      await s('02-recommend');
      await page.getByRole('button', { name: 'Choose' }).first().click();
      await until(step, 'details');
      await s('03-details');
      await page.getByRole('button', { name: 'Apply' }).click();
      await until(step, 'materials');
      const next = page.getByRole('button', { name: 'Next' });
      await expect.element(next).toBeDisabled();
      await page.getByLabelText('ID card, photo side *').upload(await photoFile('blurred.png', true));
      await expect.element(page.getByText('Photo is blurred; please retake')).toBeVisible();
      await page.getByLabelText('ID card, photo side *').upload(await photoFile('front.png'));
      await page.getByLabelText('ID card, back *').upload(await photoFile('back.png'));
      await until(() => flow.missingMaterials().length, 0);
      await s('04-materials');
      await next.click();
      await until(step, 'services');
      await page.getByRole('checkbox', { name: 'SMS alerts' }).click();
      await s('05-services');
      await page.getByRole('button', { name: 'Next' }).click();
      await until(step, 'terms');
      const ack = page.getByRole('button', { name: 'I have read and agree' });
      const box = page.getByTestId('disclosure-text').element() as HTMLElement;
      // Text that fits without scrolling counts as read; text that overflows must be scrolled first.
      if (box.scrollHeight > box.clientHeight + 4) await expect.element(ack).toBeDisabled();
      else expect(size.name).toBe('kiosk');
      await s('06-terms');
      box.scrollTop = box.scrollHeight;
      await expect.element(ack).toBeEnabled();
      await ack.click();
      await until(step, 'timeline');
      await s('07-timeline');
      await page.getByRole('button', { name: 'Next' }).click();
      await until(step, 'activation');
      await s('08-activation');
      await page.getByRole('button', { name: 'Next' }).click();
      await until(step, 'tips');
      await s('09-tips');
      await page.getByRole('button', { name: 'Next' }).click();
      await until(step, 'survey');
      await page.getByRole('radio', { name: '5' }).first().click();
      await page.getByRole('radio', { name: '9' }).click();
      await s('10-survey');
      await page.getByRole('button', { name: 'Submit' }).click();
      await until(step, 'done');
      await s('11-done');
      expect(analytics.types().filter((t) => t !== 'step_entered' && t !== 'disclosure')).toEqual([
        'flow_started',
        'recommendation_shown',
        'recommendation_accepted',
        'flow_completed',
        'survey_submitted',
      ]);
    });

  it('works from the keyboard: Tab reaches the choices and the handoff button, Space/Enter act', async () => {
    await page.viewport(360, 640);
    const { flow, loop } = setup('mobile');
    await until(() => flow.getSnapshot().step, 'needs');
    (page.getByRole('radio', { name: 'Travel' }).element() as HTMLElement).focus();
    await userEvent.keyboard(' ');
    expect((page.getByRole('radio', { name: 'Travel' }).element() as HTMLInputElement).checked).toBe(true);
    (page.getByRole('button', { name: 'Large text' }).element() as HTMLElement).focus();
    await userEvent.keyboard('{Tab}');
    expect(document.activeElement?.textContent).toBe('Talk to a person');
    await userEvent.keyboard('{Enter}');
    await loop.settle();
    expect(loop.sent.at(-1)).toMatchObject({ type: 'user.action', kind: 'handoff' });
    expect(document.querySelector('[role=log][aria-live=polite]')?.textContent).not.toBe('');
  });

  it('takes the brand colour from a CSS variable on an ancestor', async () => {
    await page.viewport(360, 640);
    document.body.style.setProperty('--dh-brand', 'rgb(0, 102, 204)');
    const { flow } = setup('mobile');
    await until(() => flow.getSnapshot().step, 'needs');
    const submit = page.getByRole('button', { name: 'Submit' }).element();
    expect(getComputedStyle(submit).backgroundColor).toBe('rgb(0, 102, 204)');
    await shot('card-mobile-themed');
    document.body.style.removeProperty('--dh-brand');
  });

  it('renders a card name containing markup as text', async () => {
    await page.viewport(360, 640);
    let alerted = false;
    window.alert = () => {
      alerted = true;
    };
    const { flow, loop } = setup('mobile');
    await until(() => flow.getSnapshot().step, 'needs');
    const evil = '<img src=x onerror=alert(1)>';
    loop.inject({ v: '1.0', type: 'ui.cards', cards: [{ cardId: 'evil', title: evil }] });
    loop.inject({
      v: '1.0',
      type: 'dialog.state',
      state: 'listening',
      flow: 'card_application',
      step: 'recommend',
    });
    await expect.element(page.getByRole('heading', { name: evil })).toBeVisible();
    expect(mounted?.container.querySelector('img')).toBeNull();
    expect(alerted).toBe(false);
    await shot('card-mobile-xss');
  });

  it('the handoff button sends a handoff request and shows it pending (zh-CN)', async () => {
    await page.viewport(360, 640);
    const { flow, loop } = setup('mobile', 'zh-CN');
    await until(() => flow.getSnapshot().step, 'needs');
    await expect.element(page.getByText('本服务由人工智能生成')).toBeVisible();
    await page.getByRole('button', { name: '转人工服务' }).click();
    await loop.settle();
    await expect.element(page.getByRole('button', { name: '正在为您转接人工…' })).toBeDisabled();
    expect(loop.received.some((m) => m.type === 'handoff.request')).toBe(true);
    await shot('card-mobile-zh-handoff');
  });
});
