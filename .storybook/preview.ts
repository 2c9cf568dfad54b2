import type { Preview } from '@storybook/react-vite';

const preview: Preview = {
  parameters: {
    layout: 'centered',
    controls: { expanded: true },
    backgrounds: {
      options: {
        lobby: { name: 'Bank lobby', value: '#eef2f6' },
        dark: { name: 'Dark', value: '#1d2733' },
      },
    },
  },
  initialGlobals: { backgrounds: { value: 'lobby' } },
};

export default preview;
