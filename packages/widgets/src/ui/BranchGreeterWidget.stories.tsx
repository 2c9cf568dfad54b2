import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { FlowStory, flowStoryControls } from '../../stories/FlowStory';
import { clickTo, storyAt } from '../../stories/storyPlay';
import type { GreeterStep } from '../flows/BranchGreeterFlow';

/**
 * Every step of the branch greeter on a lobby kiosk (zh-CN), reached by the customer's actions on the reference
 * dialog engine running in the page. Without a camera (denied or absent) the attract screen's 开始服务 button wakes
 * the greeter; with one, presence from `@digital-human/sense` does.
 */
const meta = {
  title: 'Widgets/Branch greeter',
  component: FlowStory,
  args: { flow: 'greeter', step: 'attract', language: 'zh-CN', layout: 'kiosk' },
  ...flowStoryControls,
} satisfies Meta<typeof FlowStory>;

export default meta;
type Story = StoryObj<typeof meta>;
const at = (step: GreeterStep, then?: Parameters<typeof storyAt>[1]): Story => storyAt(step, then);

/** The attract loop with a promotion. Camera denied or absent: the customer taps 开始服务 instead. */
export const Attract = at('attract', async ({ canvasElement }) => {
  await expect(within(canvasElement).getByText('请走近屏幕，我来为您服务')).toBeVisible();
  await clickTo(canvasElement, '开始服务', 'greet');
});

export const Greet = at('greet', ({ canvasElement }) => clickTo(canvasElement, '哪张卡适合我', 'quiz'));

export const Quiz = at('quiz', async ({ canvasElement }) => {
  await userEvent.click(within(canvasElement).getByRole('radio', { name: '吃饭聚餐' }));
  await clickTo(canvasElement, '提交', 'quiz_result');
});

export const QuizResult = at('quiz_result', ({ canvasElement }) =>
  clickTo(canvasElement, '取号排队', 'ticket'),
);

/** The queue ticket with its QR code. */
export const Ticket = at('ticket', async ({ canvasElement }) => {
  await expect(within(canvasElement).getByTestId('ticket')).toBeVisible();
  const path = canvasElement.querySelector('svg.dh-qr path')?.getAttribute('d') ?? '';
  await expect(path.length).toBeGreaterThan(100);
  await clickTo(canvasElement, '办事指南', 'guide');
});

export const Guide = at('guide', ({ canvasElement }) => clickTo(canvasElement, '没有了，谢谢', 'survey'));

export const Survey = at('survey', async ({ canvasElement }) => {
  await userEvent.click(within(canvasElement).getAllByRole('radio', { name: '5' })[0] as Element);
  await clickTo(canvasElement, '提交', 'done');
});

export const Done = at('done', async ({ canvasElement }) => {
  await expect(within(canvasElement).getByText('感谢您的评价！')).toBeVisible();
});

/** The customer walked away: goodbye, then (after `goodbyeMs`) the attract loop again. */
export const Goodbye = at('goodbye');

/** The large-text mode (A+) on the greeting. */
export const GreetLargeText = at('greet', async ({ canvasElement }) => {
  const button = within(canvasElement).getByRole('button', { name: '大字模式' });
  await userEvent.click(button);
  await expect(button).toHaveAttribute('aria-pressed', 'true');
});
