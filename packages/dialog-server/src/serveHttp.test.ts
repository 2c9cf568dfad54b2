import { describe, expect, it } from 'vitest';
import type { DialogServerConfig } from './config';
import { startHandoffServer } from './handoff/startHandoffServer';
import { startDialogServer } from './startDialogServer';

const config: DialogServerConfig = {
  livekitUrl: 'ws://127.0.0.1:7880',
  publicUrl: 'ws://127.0.0.1:7880',
  apiKey: 'devkey',
  apiSecret: 'a-dev-secret-of-at-least-32-characters',
  operatorSecret: 'operator',
  host: '127.0.0.1',
  port: 0,
};

describe.each([
  ['startDialogServer', () => startDialogServer(config)],
  ['startHandoffServer', () => startHandoffServer(config)],
])('%s', (_name, start) => {
  it('listens on a free port, answers 404 off its routes, and close() stops it', async () => {
    const running = await start();
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
    const res = await fetch(`${running.url}/nothing-here`);
    expect(res.status).toBe(404);
    await running.close();
    expect(running.server.listening).toBe(false);
    await expect(fetch(`${running.url}/nothing-here`)).rejects.toThrow();
  });
});
