import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { MemoryAnalytics } from '../flows/analytics';
import { BranchGreeterFlow } from '../flows/BranchGreeterFlow';
import { type Mounted, mount, shot, until } from '../testing/browserHarness';
import { createLocalLoop } from '../testing/localLoop';
import { BranchGreeterWidget } from './BranchGreeterWidget';

const SIZES = [
  { name: 'kiosk', width: 1080, height: 1920, layout: 'kiosk' },
  { name: 'mobile', width: 360, height: 640, layout: 'mobile' },
] as const;

let mounted: Mounted | undefined;
afterEach(() => mounted?.unmount());

describe('BranchGreeterWidget in Chromium on the local dialog', () => {
  for (const size of SIZES)
    it(`wakes on presence, quiz, ticket with QR, survey, goodbye (${size.name})`, async () => {
      await page.viewport(size.width, size.height);
      const analytics = new MemoryAnalytics();
      const flow = new BranchGreeterFlow({ analytics, idPrefix: `g${size.name}` });
      createLocalLoop(flow, 'zh-CN');
      mounted = mount(BranchGreeterWidget, { flow, layout: size.layout, language: 'zh-CN', goodbyeMs: 200 });
      const step = () => flow.getSnapshot().step;
      const s = (n: string) => shot(`greeter-${size.name}-${n}`);
      await until(step, 'attract');
      await expect.element(page.getByText('新客办卡首刷礼')).toBeVisible();
      await s('01-attract');
      flow.presence(true);
      await until(step, 'greet');
      await s('02-greet');
      await page.getByRole('button', { name: '大字模式' }).click();
      await s('03-greet-large-text');
      await page.getByRole('button', { name: '大字模式' }).click();
      await page.getByRole('button', { name: '哪张卡适合我' }).click();
      await until(step, 'quiz');
      await page.getByRole('radio', { name: '吃饭聚餐' }).click();
      await s('04-quiz');
      await page.getByRole('button', { name: '提交' }).click();
      await until(step, 'quiz_result');
      await s('05-quiz-result');
      await page.getByRole('button', { name: '取号排队' }).click();
      await until(step, 'ticket');
      await expect.element(page.getByTestId('ticket')).toBeVisible();
      expect(document.querySelector('svg.dh-qr path')?.getAttribute('d')?.length).toBeGreaterThan(100);
      await s('06-ticket');
      await page.getByRole('button', { name: '办事指南' }).click();
      await until(step, 'guide');
      await s('07-guide');
      await page.getByRole('button', { name: '没有了，谢谢' }).click();
      await until(step, 'survey');
      await page.getByRole('radio', { name: '5' }).first().click();
      await s('08-survey');
      await page.getByRole('button', { name: '提交' }).click();
      await until(step, 'done');
      flow.presence(false);
      await until(step, 'goodbye');
      await s('09-goodbye');
      await until(step, 'attract');
      expect(analytics.types().filter((t) => t !== 'step_entered')).toEqual([
        'flow_started',
        'queue_ticket',
        'flow_completed',
        'survey_submitted',
      ]);
    });
});
