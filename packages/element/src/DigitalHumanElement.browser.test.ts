import avatarUrl from '@digital-human/avatars/assistant.vrm?url';
import { createMessage } from '@digital-human/protocol';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { DigitalHumanElement } from './DigitalHumanElement';
import { defineDigitalHumanElement } from './defineDigitalHumanElement';
import type { CaptionDetail, ErrorDetail, ReadyDetail } from './elementEvents';
import { FakeTransport } from './testing/FakeTransport';
import { waitForDomEvent } from './testing/waitForDomEvent';
import { registerTransport } from './transportRegistry';

defineDigitalHumanElement();

let fake: FakeTransport | undefined;
let created = 0;
const unregister = registerTransport('fake', ({ audioContext }) => {
  created++;
  fake = new FakeTransport(audioContext);
  return fake;
});

/** Adds a `<digital-human>` with `attributes` to the page; `before` runs before it is connected. */
function mount(attributes: Record<string, string>, before?: (el: DigitalHumanElement) => void) {
  const el = document.createElement('digital-human');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.style.cssText = 'width:320px;height:400px';
  before?.(el);
  const ready = waitForDomEvent<CustomEvent<ReadyDetail>>(el, 'dh-ready', 45_000);
  document.body.append(el);
  return { el, ready };
}

afterAll(() => unregister());

const shadowOf = (el: DigitalHumanElement) => el.shadowRoot!;

afterEach(() => {
  for (const el of document.querySelectorAll('digital-human')) el.remove();
  fake = undefined;
});

describe('<digital-human>', () => {
  it('reads its attributes, shows the avatar in 3D and says dh-ready', async () => {
    const { el, ready } = mount({ avatar: avatarUrl, lang: 'en', quality: 'low', transport: 'fake' });
    expect((await ready).detail.mode).toBe('webgl');
    expect(el.state?.language).toBe('en');
    expect(el.state?.avatarStatus).toBe('ready');
    expect(el.view?.quality.tier).toBe('low');
    expect(el.view?.avatar).not.toBeNull();
    const captions = shadowOf(el).querySelector('[role="log"]')!;
    expect(captions.getAttribute('aria-live')).toBe('polite');
    expect(captions.getAttribute('aria-label')).toBe('Captions');
  });

  it('puts wire text in the caption region as text only, and reports handoff and flow completion', async () => {
    const { el, ready } = mount({ avatar: avatarUrl, transport: 'fake', flow: 'card_application' });
    await ready;
    const connected = waitForDomEvent(el, 'dh-connection');
    // A double tap starts one conversation.
    const before = created;
    expect(await Promise.all([el.start(), el.start()])).toEqual([true, true]);
    expect(created - before).toBe(1);
    expect((await connected).detail).toEqual({ state: 'connecting' });
    const sent = fake!.sent.map((m) => m.type);
    expect(sent).toEqual(['hello', 'user.action']);

    const hostile = '<img src=x onerror="window.__dhPwned=1">你好';
    const caption = waitForDomEvent<CustomEvent<CaptionDetail>>(el, 'dh-caption');
    fake!.deliver(createMessage('speech.caption', { speaker: 'agent', text: hostile, final: true }));
    expect((await caption).detail.text).toBe(hostile);
    const region = shadowOf(el).querySelector('[role="log"]')!;
    expect(region.textContent).toBe(hostile);
    expect(region.querySelector('img')).toBeNull();
    await new Promise((r) => setTimeout(r, 50));
    expect((window as { __dhPwned?: number }).__dhPwned).toBeUndefined();

    const handoff = waitForDomEvent(el, 'dh-handoff-requested');
    fake!.deliver(createMessage('handoff.request', { reason: 'complaint' }));
    expect((await handoff).detail).toEqual({ reason: 'complaint', flow: undefined });

    const completed = waitForDomEvent(el, 'dh-flow-completed');
    const state = (step: string) =>
      createMessage('dialog.state', { state: 'speaking', flow: 'card_application', step });
    fake!.deliver(state('apply'));
    fake!.deliver(state('survey'));
    fake!.deliver(state('done'));
    expect((await completed).detail).toEqual({ flow: 'card_application' });

    expect(await el.say('营业时间')).toBe(true);
    expect(fake!.sent.at(-1)).toMatchObject({ type: 'user.text', text: '营业时间' });
  });

  it('applies lang at once (re-greets when connected) and reports unknown attribute values', async () => {
    const { el, ready } = mount({ avatar: avatarUrl, transport: 'fake' });
    await ready;
    await el.start();
    el.setAttribute('lang', 'en');
    await expect.poll(() => fake!.sent.filter((m) => m.type === 'hello').length).toBe(2);
    expect(fake!.sent.at(-1)).toMatchObject({ type: 'hello', language: 'en' });
    expect(shadowOf(el).querySelector('[role="log"]')!.getAttribute('aria-label')).toBe('Captions');
    const error = waitForDomEvent<CustomEvent<ErrorDetail>>(el, 'dh-error');
    el.setAttribute('quality', 'ultra');
    expect((await error).detail.code).toBe('invalid-attribute');
    expect(['low', 'medium', 'high']).toContain(el.view?.quality.tier);
  });

  it('reports a corrupt avatar as dh-error and shows the portrait with the captions', async () => {
    const corrupt = `data:application/octet-stream;base64,${btoa('glTF this is not a model at all')}`;
    const { el, ready } = mount({ avatar: corrupt });
    const error = await waitForDomEvent<CustomEvent<ErrorDetail>>(el, 'dh-error', 30_000);
    expect(error.detail.code).toBe('avatar-load-failed');
    expect(['corrupt', 'not-vrm']).toContain(error.detail.detail);
    expect((await ready).detail.mode).toBe('fallback');
    const portrait = shadowOf(el).querySelector<HTMLImageElement>('img[part="portrait"]')!;
    expect(portrait.hidden).toBe(false);
    expect(shadowOf(el).querySelector<HTMLElement>('[part="stage"]')!.hidden).toBe(true);
    expect(shadowOf(el).querySelector('[role="log"]')).not.toBeNull();
    expect(el.state?.avatarStatus).toBe('error');
  });

  it('falls back to the portrait without WebGL', async () => {
    const { el, ready } = mount({ avatar: avatarUrl }, (e) => {
      e.createRenderer = () => {
        throw new Error('no WebGL here');
      };
    });
    const error = await waitForDomEvent<CustomEvent<ErrorDetail>>(el, 'dh-error');
    expect(error.detail.code).toBe('webgl-unavailable');
    expect((await ready).detail.mode).toBe('fallback');
    expect(el.view?.mode).toBe('fallback');
    expect(shadowOf(el).querySelector<HTMLImageElement>('img[part="portrait"]')!.hidden).toBe(false);
  });

  it('reports an unregistered transport as dh-error and keeps working', async () => {
    const { el, ready } = mount({ avatar: avatarUrl, transport: 'nowhere' });
    await ready;
    const error = waitForDomEvent<CustomEvent<ErrorDetail>>(el, 'dh-error');
    expect(await el.start()).toBe(false);
    expect((await error).detail.code).toBe('transport-unavailable');
    const notStarted = waitForDomEvent<CustomEvent<ErrorDetail>>(el, 'dh-error');
    expect(await el.say('hi')).toBe(false);
    expect((await notStarted).detail.code).toBe('not-started');
  });

  it('lets go of a transport that failed to connect, so a retry starts afresh', async () => {
    let attempts = 0;
    const off = registerTransport('flaky', ({ audioContext }) => {
      attempts++;
      fake = new FakeTransport(audioContext);
      if (attempts === 1) fake.connect = () => Promise.reject(new Error('network down'));
      return fake;
    });
    const { el, ready } = mount({ avatar: avatarUrl, transport: 'flaky' });
    await ready;
    const error = waitForDomEvent<CustomEvent<ErrorDetail>>(el, 'dh-error');
    expect(await el.start()).toBe(false);
    expect((await error).detail.code).toBe('transport-failed');
    const first = fake!;
    expect(first.disposed).toBe(true);
    expect(await el.start()).toBe(true);
    expect(attempts).toBe(2);
    expect(fake).not.toBe(first);
    expect(el.state?.connection).toBe('connected');
    off();
  });

  it('disposes the renderer, the audio and the transport when removed from the page', async () => {
    const { el, ready } = mount({ avatar: avatarUrl, transport: 'fake' });
    await ready;
    await el.start();
    const view = el.view!;
    const renderer = view.renderer!;
    const audio = fake!.audioContext!;
    expect(renderer.info.memory.geometries).toBeGreaterThan(0);
    el.remove();
    await expect.poll(() => audio.state).toBe('closed');
    expect(fake!.disposed).toBe(true);
    expect(el.active).toBe(false);
    expect(el.view).toBeNull();
    expect(view.renderer).toBeNull();
    expect(view.avatar).toBeNull();
    expect(renderer.info.memory.geometries).toBe(0);
    expect(renderer.info.memory.textures).toBe(0);
    expect(shadowOf(el).querySelector('canvas')).toBeNull();
    expect(await el.start()).toBe(false);
  });
});
