import avatarUrl from '@digital-human/avatars/assistant.vrm?url';
import { createMessage } from '@digital-human/protocol';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { DigitalHumanElement } from '../DigitalHumanElement';
import { defineDigitalHumanElement } from '../defineDigitalHumanElement';
import { FakeTransport } from '../testing/FakeTransport';
import { registerTransport } from '../transportRegistry';
import type { BridgeReceiver } from './WebViewBridge';
import { WebViewBridge } from './WebViewBridge';

defineDigitalHumanElement();
let fake: FakeTransport | undefined;
let lastContext: unknown;
const unregister = registerTransport('fake-bridge', ({ audioContext, userContext }) => {
  lastContext = userContext;
  fake = new FakeTransport(audioContext);
  return fake;
});
afterAll(() => unregister());

interface HostLog {
  readonly received: Array<{ v: number; type: string; payload: Record<string, unknown> }>;
  of(type: string): Array<Record<string, unknown>>;
}

/** Plays the iOS host: a fake `window.webkit.messageHandlers.dh` that records what the page posts. */
function installFakeIosHost(): HostLog {
  const log = hostLog();
  const fakeHandler = { postMessage: (json: string) => log.received.push(JSON.parse(json)) };
  Object.assign(window, { webkit: { messageHandlers: { dh: fakeHandler } } });
  return log;
}

/** Plays the Android host: a fake `window.DigitalHumanHost` interface object with `postMessage(String)`. */
function installFakeAndroidHost(): HostLog {
  const log = hostLog();
  Object.assign(window, {
    DigitalHumanHost: { postMessage: (json: string) => log.received.push(JSON.parse(json)) },
  });
  return log;
}

function hostLog(): HostLog {
  const received: HostLog['received'] = [];
  return { received, of: (type) => received.filter((m) => m.type === type).map((m) => m.payload) };
}

/** What the host's `evaluateJavascript` does: calls the page's global receiver with JSON text. */
const hostCalls = (json: string): boolean =>
  (window as unknown as { DigitalHumanBridge: BridgeReceiver }).DigitalHumanBridge.receive(json);

let bridge: WebViewBridge | undefined;
function mountWithBridge(): DigitalHumanElement {
  const el = document.createElement('digital-human');
  el.setAttribute('avatar', avatarUrl);
  el.setAttribute('transport', 'fake-bridge');
  el.style.cssText = 'width:240px;height:320px';
  bridge = new WebViewBridge(el);
  document.body.append(el);
  return el;
}

afterEach(() => {
  bridge?.dispose();
  fake = undefined;
  for (const el of document.querySelectorAll('digital-human')) el.remove();
  const scope = window as unknown as Record<string, unknown>;
  delete scope.webkit;
  delete scope.DigitalHumanHost;
});

describe('WebView bridge, with the host played by the test', () => {
  it('iOS: ready, start with user context, handoff and flow completion reach the host', async () => {
    const host = installFakeIosHost();
    const el = mountWithBridge();
    expect(bridge!.channel.kind).toBe('ios');
    await expect.poll(() => host.of('ready').length, { timeout: 30_000 }).toBe(1);
    expect(host.of('ready')[0]).toMatchObject({ mode: 'webgl' });
    expect(host.received[0]!.v).toBe(1);

    expect(hostCalls('{"v":1,"type":"setUserContext","payload":{"customerId":"c-42","vip":true}}')).toBe(
      true,
    );
    expect(hostCalls('{"v":1,"type":"language","payload":{"lang":"en"}}')).toBe(true);
    expect(hostCalls('{"v":1,"type":"start","id":"s1","payload":{"flow":"card_application"}}')).toBe(true);
    await expect.poll(() => fake?.sent.length ?? 0).toBe(2);
    expect(lastContext).toEqual({ customerId: 'c-42', vip: true });
    expect(fake!.sent[0]).toMatchObject({ type: 'hello', language: 'en' });
    expect(fake!.sent[1]).toMatchObject({ type: 'user.action', payload: { flow: 'card_application' } });
    expect(el.state?.language).toBe('en');
    await expect.poll(() => host.of('analytics').map((p) => p.event)).toContain('started');

    fake!.deliver(createMessage('handoff.request', { reason: 'explicit', flow: 'card_application' }));
    fake!.deliver(
      createMessage('dialog.state', { state: 'speaking', flow: 'card_application', step: 'survey' }),
    );
    expect(host.of('handoffRequested')).toEqual([{ reason: 'explicit', flow: 'card_application' }]);
    expect(host.of('flowCompleted')).toEqual([{ flow: 'card_application' }]);

    expect(hostCalls('{"v":1,"type":"mute","payload":{"muted":true}}')).toBe(true);
    await expect.poll(() => el.muted).toBe(true);
    await expect.poll(() => fake!.audioContext!.state).toBe('suspended');
    expect(host.of('error')).toEqual([]);
  });

  it('Android: malformed, oversized, wrong-version and unknown messages come back as errors, never a crash', async () => {
    const host = installFakeAndroidHost();
    const el = mountWithBridge();
    expect(bridge!.channel.kind).toBe('android');
    await expect.poll(() => host.of('ready').length, { timeout: 30_000 }).toBe(1);
    const rejected = [
      '{"v":1,"type":',
      JSON.stringify({ v: 1, type: 'setUserContext', payload: { blob: 'x'.repeat(20_000) } }),
      '{"v":2,"type":"start","id":"future-1"}',
      '{"v":1,"type":"selfDestruct"}',
      '{"v":1,"type":"mute","payload":{"muted":"loud"}}',
      'null',
    ];
    for (const raw of rejected) expect(hostCalls(raw)).toBe(false);
    const errors = host.of('error');
    expect(errors.map((e) => e.code)).toEqual([
      'malformed',
      'too-large',
      'unsupported-version',
      'unknown-type',
      'invalid-payload',
      'malformed',
    ]);
    expect(errors.every((e) => e.source === 'bridge')).toBe(true);
    expect(errors[2]).toMatchObject({ replyTo: 'future-1' });
    // Still alive: a valid message after the bad ones works, and nothing started by accident.
    expect(fake).toBeUndefined();
    expect(hostCalls('{"v":1,"type":"start"}')).toBe(true);
    await expect.poll(() => fake?.sent.length ?? 0).toBe(1);
    expect(el.active).toBe(true);
  });

  it('refuses host messages before the element is on the page (not-ready), without throwing', () => {
    const host = installFakeIosHost();
    const el = document.createElement('digital-human');
    bridge = new WebViewBridge(el);
    expect(() => hostCalls('{"v":1,"type":"start","id":"too-early"}')).not.toThrow();
    expect(host.of('error')).toEqual([expect.objectContaining({ code: 'not-ready', replyTo: 'too-early' })]);
    expect(fake).toBeUndefined();
  });

  it('forwards element errors to the host, and stops answering once disposed', async () => {
    const host = installFakeAndroidHost();
    const el = mountWithBridge();
    el.setAttribute('transport', 'not-registered');
    await expect.poll(() => host.of('ready').length, { timeout: 30_000 }).toBe(1);
    expect(hostCalls('{"v":1,"type":"start"}')).toBe(true);
    await expect
      .poll(() => host.of('error'))
      .toEqual([expect.objectContaining({ source: 'element', code: 'transport-unavailable' })]);
    bridge!.dispose();
    expect((window as unknown as Record<string, unknown>).DigitalHumanBridge).toBeUndefined();
    expect(bridge!.receive('{"v":1,"type":"stop"}')).toBe(false);
  });
});
