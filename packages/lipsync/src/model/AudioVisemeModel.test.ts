import { describe, expect, it } from 'vitest';
import { LipsyncError } from '../LipsyncError';
import { AudioVisemeModel } from './AudioVisemeModel';

describe('AudioVisemeModel lifecycle', () => {
  it("falls back once with 'model-load-failed' when the model is unreachable, and still makes cues", async () => {
    const model = new AudioVisemeModel({ modelUrl: 'http://127.0.0.1:9/viseme.onnx' });
    const events: string[] = [];
    const off = model.on('fallback', ({ error }) => events.push(error.code));
    model.on('ready', ({ mode }) => events.push(`ready:${mode}`));
    expect(model.mode).toBeNull();
    const [a, b] = await Promise.all([model.load(), model.load()]);
    expect([a, b]).toEqual(['energy', 'energy']);
    expect(events).toEqual(['model-load-failed', 'ready:energy']);
    off();
    const tone = Float32Array.from({ length: 8000 }, (_, n) => (n > 4000 ? 0.5 * Math.sin(n / 5) : 0));
    const cues = await model.analyze(tone, 16000);
    expect(cues.length).toBeGreaterThan(0);
    expect(cues[0]!.start).toBeGreaterThan(0.2);
    model.dispose();
  });

  it('refuses use after dispose and bad sample rates', async () => {
    const model = new AudioVisemeModel({ modelUrl: 'http://127.0.0.1:9/viseme.onnx' });
    expect(() => model.createStream(0)).toThrow(LipsyncError);
    model.dispose();
    expect(() => model.createStream(16000)).toThrow(/after dispose/);
    await expect(model.load()).rejects.toMatchObject({ code: 'disposed' });
  });
});
