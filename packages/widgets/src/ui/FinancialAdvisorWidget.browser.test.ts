import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { MemoryAnalytics } from '../flows/analytics';
import { FinancialAdvisorFlow } from '../flows/FinancialAdvisorFlow';
import { type Mounted, mount, shot, until } from '../testing/browserHarness';
import { createLocalLoop } from '../testing/localLoop';
import { FinancialAdvisorWidget } from './FinancialAdvisorWidget';

const SIZES = [
  { name: 'mobile', width: 360, height: 640, layout: 'mobile' },
  { name: 'kiosk', width: 1080, height: 1920, layout: 'kiosk' },
] as const;

let mounted: Mounted | undefined;
afterEach(() => mounted?.unmount());

describe('FinancialAdvisorWidget in Chromium on the local dialog', () => {
  for (const size of SIZES)
    it(`runs to completion and never shows a product above the level (${size.name})`, async () => {
      await page.viewport(size.width, size.height);
      const analytics = new MemoryAnalytics();
      const flow = new FinancialAdvisorFlow({ analytics, idPrefix: `a${size.name}` });
      const loop = createLocalLoop(flow, 'en');
      mounted = mount(FinancialAdvisorWidget, { flow, layout: size.layout, language: 'en' });
      const step = () => flow.getSnapshot().step;
      const s = (n: string) => shot(`advisor-${size.name}-${n}`);
      await until(step, 'profile');
      await page.getByRole('radio', { name: 'Growth' }).first().click();
      await page.getByRole('radio', { name: 'Over 3 years' }).click();
      await page.getByLabelText('Amount (¥)').fill('100000');
      await page.getByRole('radio', { name: 'Balanced' }).click();
      await s('01-profile');
      await page.getByRole('button', { name: 'Submit' }).click();
      await until(step, 'questionnaire');
      await page.getByRole('radio', { name: 'Hold' }).click();
      await page.getByRole('radio', { name: 'None' }).click();
      await page.getByRole('radio', { name: '10%–50%' }).click();
      await s('02-questionnaire');
      await page.getByRole('button', { name: 'Submit' }).click();
      await until(step, 'products');
      await expect.element(page.getByTestId('customer-level')).toHaveTextContent('C2');
      // The dialog misbehaves and sends an R5 product: it must never appear.
      loop.inject({
        v: '1.0',
        type: 'ui.products',
        products: [
          { productId: 'bond-steady', name: 'Steady Bond', riskLevel: 'R2', returnPct: 3.1 },
          { productId: 'rogue', name: 'Rogue Leveraged Fund', riskLevel: 'R5', returnPct: 55 },
        ],
      });
      loop.inject({
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
      const notices = document.querySelectorAll('[data-testid=past-performance]').length;
      expect(notices).toBe(document.querySelectorAll('[data-product-id]').length);
      await s('03-products');
      await page.getByRole('button', { name: 'See the plan' }).click();
      await until(step, 'plan');
      await expect.element(page.getByTestId('past-performance')).toBeVisible();
      await s('04-plan');
      await page.getByRole('button', { name: 'Accept the plan' }).click();
      await until(step, 'disclosure');
      await s('05-disclosure');
      const box = page.getByTestId('disclosure-text').element() as HTMLElement;
      box.scrollTop = box.scrollHeight;
      await page.getByRole('button', { name: 'I have read and understood' }).click();
      await until(step, 'confirm');
      await s('06-confirm');
      await page.getByRole('button', { name: 'Confirm' }).click();
      await until(step, 'survey');
      await page.getByRole('radio', { name: '4' }).first().click();
      await s('07-survey');
      await page.getByRole('button', { name: 'Submit' }).click();
      await until(step, 'done');
      const marks = loop.received.flatMap((m) => (m.type === 'ui.disclosure' ? [m.marker] : []));
      expect(marks).toEqual(['start', 'end', 'start', 'end']);
      expect(analytics.types('flow_completed', 'survey_submitted')).toEqual([
        'flow_completed',
        'survey_submitted',
      ]);
    });
});
