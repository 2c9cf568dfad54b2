import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { FlowStory, flowStoryControls } from '../../stories/FlowStory';
import { clickTo, expectAckGated, expectStep, scrollDisclosure, storyAt } from '../../stories/storyPlay';
import type { CardStep } from '../flows/CardApplicationFlow';

/**
 * Every step of the credit-card application drop-in, reached by the customer's actions on the reference dialog
 * engine running in the page (the test-only local loop; no server, no audio). Each `play` checks the step and,
 * where it has one, performs the step's action and waits for the next step.
 */
const meta = {
  title: 'Widgets/Credit card application',
  component: FlowStory,
  args: { flow: 'card', step: 'needs', language: 'en', layout: 'mobile' },
  ...flowStoryControls,
} satisfies Meta<typeof FlowStory>;

export default meta;
type Story = StoryObj<typeof meta>;
const at = (step: CardStep, then?: Parameters<typeof storyAt>[1]): Story => storyAt(step, then);

export const Needs = at('needs', async ({ canvasElement }) => {
  const canvas = within(canvasElement);
  await expect(canvas.getByText('AI-generated assistant')).toBeVisible();
  await userEvent.click(canvas.getByRole('radio', { name: 'Travel' }));
  await userEvent.click(canvas.getByRole('radio', { name: 'Abroad' }));
  await clickTo(canvasElement, 'Submit', 'recommend');
});

/** The same first step in Chinese on a lobby kiosk. */
export const NeedsChineseKiosk: Story = {
  args: { step: 'needs', language: 'zh-CN', layout: 'kiosk' },
  play: async ({ canvasElement }) => {
    await expectStep(canvasElement, 'needs');
    const canvas = within(canvasElement);
    await expect(canvas.getByText('本服务由人工智能生成')).toBeVisible();
    await expect(canvas.getByRole('radio', { name: '旅行' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: '转人工服务' })).toBeEnabled();
  },
};

export const Recommend = at('recommend', async (context) => {
  await expect(within(context.canvasElement).getByRole('table')).toBeVisible();
  await userEvent.click(
    within(context.canvasElement).getAllByRole('button', { name: 'Choose' })[0] as Element,
  );
  await expectStep(context.canvasElement, 'details');
});

export const Details = at('details', ({ canvasElement }) => clickTo(canvasElement, 'Apply', 'materials'));

/** Both ID photos are missing: "Next" stays disabled. */
export const Materials = at('materials', async ({ canvasElement }) => {
  const canvas = within(canvasElement);
  await expect(canvas.getByLabelText('ID card, photo side *')).toBeInTheDocument();
  await expect(canvas.getByRole('button', { name: 'Next' })).toBeDisabled();
});

export const Services = at('services', async ({ canvasElement }) => {
  const sms = within(canvasElement).getByRole('checkbox', { name: 'SMS alerts' });
  await userEvent.click(sms);
  await expect(sms).toBeChecked();
  await clickTo(canvasElement, 'Next', 'terms');
});

/** Terms that overflow their box must be scrolled to the end before "I have read and agree" is enabled. */
export const Terms = at('terms', async ({ canvasElement }) => {
  const ack = within(canvasElement).getByRole('button', { name: 'I have read and agree' });
  await expectAckGated(canvasElement, ack);
  scrollDisclosure(canvasElement);
  await waitFor(() => expect(ack).toBeEnabled());
  await userEvent.click(ack);
  await expectStep(canvasElement, 'timeline');
});

export const Timeline = at('timeline', ({ canvasElement }) => clickTo(canvasElement, 'Next', 'activation'));
export const Activation = at('activation', ({ canvasElement }) => clickTo(canvasElement, 'Next', 'tips'));
export const Tips = at('tips', ({ canvasElement }) => clickTo(canvasElement, 'Next', 'survey'));

export const Survey = at('survey', async ({ canvasElement }) => {
  await userEvent.click(within(canvasElement).getAllByRole('radio', { name: '5' })[0] as Element);
  await clickTo(canvasElement, 'Submit', 'done');
});

export const Done = at('done', async ({ canvasElement }) => {
  await expect(within(canvasElement).getByText('Thank you for your feedback!')).toBeVisible();
});
