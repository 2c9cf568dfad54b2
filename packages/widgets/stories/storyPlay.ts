// Storybook only: what the widget stories' `play` functions share.
import { expect, userEvent, waitFor, within } from 'storybook/test';

/** Waits (up to 10 s) until the widget in `root` shows `step` (its `data-step`). */
export async function expectStep(root: HTMLElement, step: string): Promise<void> {
  await waitFor(() => expect(root.querySelector<HTMLElement>('.dh-widget')?.dataset.step).toBe(step), {
    timeout: 10_000,
  });
}

/**
 * The acknowledge button is disabled exactly when the disclosure text overflows its box and is not yet scrolled
 * to the end (text that fits counts as read; the box's height follows the viewport).
 */
export async function expectAckGated(root: HTMLElement, ack: HTMLElement): Promise<void> {
  const box = root.querySelector<HTMLElement>('[data-testid="disclosure-text"]');
  if (!box) throw new Error('stories: no disclosure text');
  const overflows = box.scrollHeight > box.clientHeight + 4;
  await waitFor(() => expect((ack as HTMLButtonElement).disabled).toBe(overflows));
}

/** Scrolls the disclosure text to its end, as a reader would. */
export function scrollDisclosure(root: HTMLElement): void {
  const box = root.querySelector<HTMLElement>('[data-testid="disclosure-text"]');
  if (!box) throw new Error('stories: no disclosure text');
  box.scrollTop = box.scrollHeight;
  box.dispatchEvent(new Event('scroll'));
}

/** Clicks the button named `name` inside `root`, then waits for the widget to show `next`. */
export async function clickTo(root: HTMLElement, name: string, next: string): Promise<void> {
  await userEvent.click(within(root).getByRole('button', { name }));
  await expectStep(root, next);
}

/** What a widget story's `play` receives (the part these stories use). */
export interface StepPlayContext {
  canvasElement: HTMLElement;
}

/** A story at `step`: its play waits for the step, then runs `then` (the step's checks and action). */
export function storyAt<S extends string>(step: S, then?: (context: StepPlayContext) => Promise<void>) {
  return {
    args: { step },
    play: async (context: StepPlayContext) => {
      await expectStep(context.canvasElement, step);
      await then?.(context);
    },
  };
}
