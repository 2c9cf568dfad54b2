import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ReactNode, useEffect, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { FlowStory } from '../../stories/FlowStory';
import { StoryFakeTransport } from '../../stories/StoryFakeTransport';
import { clickTo, expectStep } from '../../stories/storyPlay';
import { CardApplicationFlow } from '../flows/CardApplicationFlow';
import { CardApplicationWidget } from './CardApplicationWidget';

/**
 * The drop-ins when something is missing: no WebGL (the avatar slot holds the still portrait `<DigitalHuman/>`
 * falls back to; the flow and its captions carry on), no camera (the greeter is woken by a tap), and a connection
 * that drops (what the customer does waits and goes out once the transport reconnects; nothing is lost).
 */
const meta = {
  title: 'Widgets/Errors and fallbacks',
  component: FlowStory,
  args: { flow: 'card', step: 'needs', language: 'en', layout: 'mobile' },
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof FlowStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No WebGL: the avatar slot shows the avatar's portrait (served by Storybook); captions and the flow work. */
export const NoWebGL: Story = {
  args: {
    avatar: <img src="/avatars/thumbnail.png" alt="Digital assistant" style={{ height: '100%' }} />,
  },
  play: async ({ canvasElement }) => {
    await expectStep(canvasElement, 'needs');
    const canvas = within(canvasElement);
    await expect(canvas.getByAltText('Digital assistant')).toBeVisible();
    await expect(canvasElement.querySelector('canvas')).toBeNull();
    await waitFor(() => expect(canvas.getByRole('log').textContent).not.toBe(''));
    await userEvent.click(canvas.getByRole('radio', { name: 'Travel' }));
    await userEvent.click(canvas.getByRole('radio', { name: 'Abroad' }));
    await clickTo(canvasElement, 'Submit', 'recommend');
  },
};

/** Camera denied (or none): presence never arrives, so the greeter waits on its attract screen for a tap. */
export const CameraDenied: Story = {
  args: { flow: 'greeter', step: 'attract', language: 'en', layout: 'kiosk' },
  play: async ({ canvasElement }) => {
    await expectStep(canvasElement, 'attract');
    await expect(within(canvasElement).getByText('Step closer and I will help you')).toBeVisible();
    await clickTo(canvasElement, 'Start', 'greet');
  },
};

/** The fake transport of the mounted {@link ReconnectingCard} (the story's play drives its connection). */
let fakeTransport: StoryFakeTransport | null = null;

/** The card widget over a story-level fake transport whose connection the story drops and restores. */
function ReconnectingCard(): ReactNode {
  const [parts] = useState(() => ({
    transport: new StoryFakeTransport('en'),
    flow: new CardApplicationFlow({ idPrefix: 'reconnect' }),
  }));
  useEffect(() => {
    fakeTransport = parts.transport;
    return () => {
      fakeTransport = null;
      void parts.transport.dispose();
      parts.flow.dispose();
    };
  }, [parts]);
  return (
    <div style={{ width: 360, height: 640, position: 'relative' }}>
      <CardApplicationWidget transport={parts.transport} flow={parts.flow} language="en" layout="mobile" />
    </div>
  );
}

/** The line drops after the first step: the customer's answer waits, and goes out once reconnected. */
export const Reconnecting: Story = {
  render: () => <ReconnectingCard />,
  play: async ({ canvasElement }) => {
    await expectStep(canvasElement, 'needs');
    const transport = fakeTransport;
    if (!transport) throw new Error('stories: no fake transport mounted');
    transport.setPhase('reconnecting');
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('radio', { name: 'Travel' }));
    await userEvent.click(canvas.getByRole('radio', { name: 'Abroad' }));
    const before = transport.sent.length;
    await userEvent.click(canvas.getByRole('button', { name: 'Submit' }));
    await expect(transport.sent.length).toBe(before);
    await expectStep(canvasElement, 'needs');
    transport.setPhase('reconnected');
    await expectStep(canvasElement, 'recommend');
    await expect(transport.sent.every((s) => s.online)).toBe(true);
  },
};
