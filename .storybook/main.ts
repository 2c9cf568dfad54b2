import type { StorybookConfig } from '@storybook/react-vite';

/**
 * Storybook for designers: every avatar state and, later, every widget step. Runs offline: telemetry off, the
 * avatars served by Storybook itself (`/avatars/...`), no CDN.
 */
const config: StorybookConfig = {
  stories: ['../packages/*/src/**/*.stories.tsx'],
  addons: ['@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  staticDirs: [{ from: '../avatars/default', to: '/avatars' }],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};

export default config;
