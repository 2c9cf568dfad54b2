import type { Emotion } from '@digital-human/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { startSpeechLoop } from '../stories/SpeechLoop';
import { StoryAvatar } from '../stories/StoryAvatar';

/** Avatar states of `<DigitalHuman/>` with the project's own avatar. */
const meta = {
  title: 'Avatar/DigitalHuman',
  component: StoryAvatar,
  args: { framing: 'bust', quality: 'medium' },
  argTypes: {
    framing: { control: 'inline-radio', options: ['bust', 'full'] },
    quality: { control: 'inline-radio', options: ['low', 'medium', 'high', 'auto'] },
    setup: { table: { disable: true } },
    createRenderer: { table: { disable: true } },
  },
} satisfies Meta<typeof StoryAvatar>;

export default meta;
type Story = StoryObj<typeof meta>;

const LOAD_TIMEOUT = 30_000;

/** Waits until the status line says `status`. */
async function expectStatus(canvasElement: HTMLElement, status: string): Promise<void> {
  const canvas = within(canvasElement);
  await waitFor(() => expect(canvas.getByTestId('status').textContent).toBe(status), {
    timeout: LOAD_TIMEOUT,
  });
}

const ready: Story['play'] = async ({ canvasElement }) => {
  await expectStatus(canvasElement, 'ready');
  await expect(canvasElement.querySelector('canvas')).not.toBeNull();
};

/** Blinks, glances, breathes and sways: nothing else drives it. */
export const Idle: Story = { play: ready };

/** Head to toe. */
export const FullBody: Story = { args: { framing: 'full' }, play: ready };

const emotionStory = (emotion: Emotion): Story => ({
  args: {
    setup: (session) => {
      session.emotion.cue({ emotion, intensity: 1, durationMs: 0 });
      return undefined;
    },
  },
  play: ready,
});

export const Happy = emotionStory('happy');
export const Sad = emotionStory('sad');
export const Angry = emotionStory('angry');
export const Surprised = emotionStory('surprised');
export const Relaxed = emotionStory('relaxed');

const speakingStory = (text: string, language: 'zh' | 'en'): Story => ({
  args: { setup: (session) => startSpeechLoop(session, text, language) },
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'ready');
    const live = canvasElement.querySelector('[aria-live="polite"]');
    await waitFor(() => expect(live?.textContent).toBe(text));
  },
});

/** Mandarin, lip-synced from text through pinyin (no audio in Storybook). */
export const SpeakingChinese = speakingStory('您好，我是您的数字助理。请问今天想办理什么业务？', 'zh');

/** English, lip-synced from text through grapheme-to-phoneme rules. */
export const SpeakingEnglish = speakingStory(
  'Hello, I am your digital assistant. How can I help you today?',
  'en',
);

/** No WebGL (old WebView, blocked GPU): the still portrait and the captions. */
export const FallbackNoWebGL: Story = {
  args: {
    createRenderer: () => {
      throw new Error('Error creating WebGL context.');
    },
    setup: (session) => {
      session.store.getState().upsertCaption({
        id: 'fallback',
        speaker: 'agent',
        text: '您好，我是您的数字助理。',
        final: true,
      });
      return undefined;
    },
  },
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'fallback');
    await expect(canvasElement.querySelector('img')).not.toBeNull();
    await expect(canvasElement.querySelector('canvas')).toBeNull();
    await expect(canvasElement.querySelector('[aria-live="polite"]')?.textContent).toBe(
      '您好，我是您的数字助理。',
    );
  },
};

/** The model cannot be fetched: the portrait, and a typed `network` error for the app. */
export const LoadError: Story = {
  args: { src: '/avatars/missing.vrm' },
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'error');
    await expect(canvasElement.querySelector('img')).not.toBeNull();
  },
};
