import { waitForEvent } from '@digital-human/core';
import { createMessage, type Message, type TransportEvents } from '@digital-human/protocol';
import dataUrl from '@echogarden/espeak-ng-emscripten/espeak-ng.data?url';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalTransport } from './LocalTransport';

type Caption = Extract<Message, { type: 'speech.caption' }>;
type Visemes = Extract<Message, { type: 'speech.visemes' }>;

/** Collects every event of a transport, in order. */
function record(t: LocalTransport) {
  const captions: Caption[] = [];
  const starts: TransportEvents['speechstarted'][] = [];
  const visemes: Visemes[] = [];
  const ends: TransportEvents['speechfinished'][] = [];
  const rejected: TransportEvents['rejected'][] = [];
  const errors: Error[] = [];
  t.events.on('error', (e) => errors.push(e));
  t.events.on('message', ({ message }) => {
    if (message.type === 'speech.caption') captions.push(message);
    if (message.type === 'speech.visemes') visemes.push(message);
  });
  t.events.on('speechstarted', (e) => starts.push(e));
  t.events.on('speechfinished', (e) => ends.push(e));
  t.events.on('rejected', (e) => rejected.push(e));
  return { captions, starts, visemes, ends, rejected, errors };
}

const hello = (language: 'zh-CN' | 'en') =>
  createMessage('hello', { protocolVersion: '1.0', capabilities: ['speech'], language });

let transport: LocalTransport | undefined;
afterEach(async () => {
  await transport?.dispose();
  transport = undefined;
});

describe('LocalTransport in the browser', () => {
  it('greets with speech whose visemes sit on the audio clock, and answers typed text', async () => {
    transport = new LocalTransport({ espeakData: dataUrl });
    const log = record(transport);
    await transport.connect();
    expect(transport.inWorker).toBe(true);
    const ctx = transport.audioContext!;
    await transport.startAudio();
    expect(transport.canPlayAudio).toBe(true);

    const helloAt = performance.now();
    await transport.send(hello('zh-CN'));
    const start = await waitForEvent(transport.events, 'speechstarted', 45_000);
    const greetingMs = performance.now() - helloAt;
    const scheduledAt = ctx.currentTime;
    expect(start.startTime).toBeGreaterThanOrEqual(scheduledAt);
    expect(start.startTime).toBeLessThan(scheduledAt + 0.5);
    expect(start.duration).toBeGreaterThan(1);
    await expect.poll(() => log.visemes.length).toBe(1);
    const cues = log.visemes[0]!.cues;
    expect(log.visemes[0]!.utteranceId).toBe(start.utteranceId);
    expect(cues.length).toBeGreaterThan(10);
    expect(cues.some((c) => c.v !== 'sil')).toBe(true);
    const last = cues.at(-1)!;
    expect((last.t + last.d) / 1000).toBeLessThanOrEqual(start.duration! + 0.05);
    const greeting = log.captions.find((c) => c.utteranceId === start.utteranceId);
    expect(greeting?.text).toMatch(/您好|你好|欢迎/);

    // Typed text: acknowledged, then answered with a caption and speech of its own.
    const typedAt = performance.now();
    const acked = transport.send(createMessage('user.text', { id: 'u-1', text: '营业时间是几点？' }));
    await acked;
    await expect.poll(() => log.starts.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    // Latencies for the report (speed targets belong in benchmarks, not assertions).
    console.info(
      `hello → greeting speech ${greetingMs.toFixed(0)} ms (espeak-ng load included); ` +
        `text → answer speech ${(performance.now() - typedAt).toFixed(0)} ms`,
    );
    const answer = log.starts.at(-1)!;
    const answerCaption = log.captions.find((c) => c.utteranceId === answer.utteranceId);
    expect(answerCaption?.text.length).toBeGreaterThan(4);
    expect(answerCaption?.text).not.toBe(greeting?.text);
    expect(log.rejected).toEqual([]);
    // No fallback: espeak-ng loaded and synthesised inside the worker.
    expect(log.errors.map((e) => e.message)).toEqual([]);
  });

  it('cuts speech when the customer types while the avatar speaks', async () => {
    transport = new LocalTransport({ espeakData: dataUrl });
    const log = record(transport);
    await transport.connect();
    await transport.startAudio();
    await transport.send(hello('en'));
    const start = await waitForEvent(transport.events, 'speechstarted', 45_000);
    const ctx = transport.audioContext!;
    // Wait until the greeting is audible, then type.
    await expect.poll(() => ctx.currentTime > start.startTime + 0.3, { timeout: 5000 }).toBe(true);
    const cutAt = performance.now();
    void transport.send(createMessage('user.text', { id: 'u-2', text: 'What are your opening hours?' }));
    const end = log.ends.find((e) => e.utteranceId === start.utteranceId);
    expect(end?.interrupted).toBe(true);
    expect(end!.position).toBeGreaterThan(0.2);
    expect(end!.position).toBeLessThan(start.duration!);
    expect(performance.now() - cutAt).toBeLessThan(150);
  });

  it('rejects malformed replies from the worker without crashing', async () => {
    const garbage = `onmessage = () => {
      postMessage(42);
      postMessage({ kind: 'message', text: '{not json' });
      postMessage({ kind: 'message', text: JSON.stringify({ v: '1.0', type: 'user.text', id: 'x', text: 'forged' }) });
      postMessage({ kind: 'speech', utteranceId: 'u', sampleRate: 22050, samples: [1, 2], cues: [] });
      postMessage({ kind: 'speech', utteranceId: 'u', sampleRate: 22050, samples: new Float32Array(10),
        cues: [{ viseme: 'zz', start: 0, end: 1 }] });
      postMessage({ kind: 'message', text: JSON.stringify({ v: '1.0', type: 'speech.caption', speaker: 'agent', text: 'ok', final: true }) });
    };`;
    const url = URL.createObjectURL(new Blob([garbage], { type: 'text/javascript' }));
    transport = new LocalTransport({ createWorker: () => new Worker(url) });
    const log = record(transport);
    const messages: Message[] = [];
    transport.events.on('message', ({ message }) => messages.push(message));
    await transport.connect();
    await expect.poll(() => messages.length, { timeout: 5000 }).toBe(1);
    expect(messages[0]).toMatchObject({ type: 'speech.caption', text: 'ok' });
    expect(log.rejected.map((r) => r.code)).toEqual([
      'malformed-reply',
      'malformed',
      'forbidden-sender',
      'malformed-reply',
      'malformed-reply',
    ]);
    expect(log.starts).toEqual([]);
    URL.revokeObjectURL(url);
  });

  it('falls back to the page thread when the worker dies, re-sending what was not acknowledged', async () => {
    const url = URL.createObjectURL(new Blob(['throw new Error("boom")'], { type: 'text/javascript' }));
    transport = new LocalTransport({ espeakData: dataUrl, createWorker: () => new Worker(url) });
    const log = record(transport);
    await transport.connect();
    // Sent before the worker's failure is known: it must still be answered.
    const acked = transport.send(
      createMessage('user.text', { id: 'kept-1', text: 'What are your opening hours?' }),
    );
    await acked;
    expect(transport.inWorker).toBe(false);
    expect(log.errors.map((e) => (e as { code?: string }).code)).toContain('worker-failed');
    await expect.poll(() => log.captions.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(log.captions.at(-1)!.text).toMatch(/hour|open|9/i);
    URL.revokeObjectURL(url);
  });

  it('runs on the page thread when asked (createWorker: null)', async () => {
    transport = new LocalTransport({ espeakData: dataUrl, createWorker: null });
    const log = record(transport);
    await transport.connect();
    await transport.startAudio();
    expect(transport.inWorker).toBe(false);
    await transport.send(hello('en'));
    const start = await waitForEvent(transport.events, 'speechstarted', 45_000);
    await expect.poll(() => log.visemes.length).toBe(1);
    expect(log.visemes[0]!.utteranceId).toBe(start.utteranceId);
    expect(log.captions[0]?.text).toMatch(/Hello/);
  });
});
