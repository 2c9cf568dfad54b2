import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { FlowStory, flowStoryControls } from '../../stories/FlowStory';
import { clickTo, expectAckGated, expectStep, scrollDisclosure, storyAt } from '../../stories/storyPlay';
import type { AdvisorStep } from '../flows/FinancialAdvisorFlow';

/**
 * Every step of the financial advisor (suitability questionnaire, products within the customer's risk level,
 * allocation, risk disclosure, confirmation), reached by the customer's actions on the reference dialog engine
 * running in the page. The walk answers the questionnaire as a C3 (balanced) customer.
 */
const meta = {
  title: 'Widgets/Financial advisor',
  component: FlowStory,
  args: { flow: 'advisor', step: 'profile', language: 'en', layout: 'mobile' },
  ...flowStoryControls,
} satisfies Meta<typeof FlowStory>;

export default meta;
type Story = StoryObj<typeof meta>;
const at = (step: AdvisorStep, then?: Parameters<typeof storyAt>[1]): Story => storyAt(step, then);

export const Profile = at('profile', async ({ canvasElement }) => {
  const canvas = within(canvasElement);
  await userEvent.click(canvas.getAllByRole('radio', { name: 'Growth' })[0] as Element);
  await userEvent.click(canvas.getByRole('radio', { name: 'Over 3 years' }));
  await userEvent.type(canvas.getByLabelText('Amount (¥)'), '100000');
  await userEvent.click(canvas.getByRole('radio', { name: 'Balanced' }));
  await clickTo(canvasElement, 'Submit', 'questionnaire');
});

export const Questionnaire = at('questionnaire', async ({ canvasElement }) => {
  const canvas = within(canvasElement);
  await userEvent.click(canvas.getByRole('radio', { name: 'Hold' }));
  await userEvent.click(canvas.getByRole('radio', { name: 'None' }));
  await userEvent.click(canvas.getByRole('radio', { name: '10%–50%' }));
  await clickTo(canvasElement, 'Submit', 'products');
});

/** Only products within the customer's level (C3: R1–R3), each with its past-performance notice. */
export const Products = at('products', async ({ canvasElement }) => {
  await expect(within(canvasElement).getByTestId('customer-level')).toHaveTextContent('C3');
  await expect(canvasElement.textContent).not.toMatch(/\bR[45]\b/);
  await clickTo(canvasElement, 'See the plan', 'plan');
});

export const Plan = at('plan', async ({ canvasElement }) => {
  await expect(within(canvasElement).getAllByTestId('past-performance')[0]).toBeVisible();
  await clickTo(canvasElement, 'Accept the plan', 'disclosure');
});

/** A risk disclosure that overflows its box must be scrolled to the end before it can be acknowledged. */
export const Disclosure = at('disclosure', async ({ canvasElement }) => {
  const ack = within(canvasElement).getByRole('button', { name: 'I have read and understood' });
  await expectAckGated(canvasElement, ack);
  scrollDisclosure(canvasElement);
  await waitFor(() => expect(ack).toBeEnabled());
  await userEvent.click(ack);
  await expectStep(canvasElement, 'confirm');
});

export const Confirm = at('confirm', ({ canvasElement }) => clickTo(canvasElement, 'Confirm', 'survey'));

export const Survey = at('survey', async ({ canvasElement }) => {
  await userEvent.click(within(canvasElement).getAllByRole('radio', { name: '4' })[0] as Element);
  await clickTo(canvasElement, 'Submit', 'done');
});

export const Done = at('done', async ({ canvasElement }) => {
  await expect(within(canvasElement).getByText('Thank you for your feedback!')).toBeVisible();
});
