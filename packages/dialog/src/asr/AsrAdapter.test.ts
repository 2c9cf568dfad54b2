import { describe, expect, it } from 'vitest';
import { DialogEngine } from '../DialogEngine';
import type { AsrAdapter, AsrResult, AsrStream, AsrStreamOptions } from './AsrAdapter';

/**
 * FAKE recogniser for tests: "recognises" a fixed script, one partial per pushed block and the final text on
 * finish. It shows how an adapter plugs into the engine; real cloud ASR adapters implement the same interface.
 */
class ScriptedFakeAsr implements AsrAdapter {
  readonly name = 'scripted-fake';
  constructor(private readonly script: string) {}

  createStream(options: AsrStreamOptions): AsrStream {
    let pushed = 0;
    const emit = (text: string, final: boolean) =>
      options.onResult({ segmentId: 'seg-1', text, final, language: options.language });
    return {
      push: () => {
        pushed += 1;
        emit(this.script.slice(0, pushed), false);
      },
      finish: async () => emit(this.script, true),
      dispose: () => undefined,
    };
  }
}

describe('ASR into the engine', () => {
  it('partials become transcripts only; the final one is answered', async () => {
    const engine = new DialogEngine({ language: 'zh-CN' });
    const results: AsrResult[] = [];
    const stream = new ScriptedFakeAsr('营业时间').createStream({
      language: 'zh-CN',
      sampleRate: 16_000,
      onResult: (r) => results.push(r),
    });
    stream.push(new Int16Array(160));
    await stream.finish();
    const partial = await engine.handleAsr(results[0]!);
    expect(partial.map((o) => (o.kind === 'message' ? o.message.type : 'say'))).toEqual([
      'speech.transcript',
    ]);
    const final = await engine.handleAsr(results[1]!);
    const kinds = final.map((o) => (o.kind === 'message' ? o.message.type : 'say'));
    expect(kinds[0]).toBe('speech.transcript');
    expect(kinds).not.toContain('ack');
    expect(final.flatMap((o) => (o.kind === 'say' ? [o.say.text] : []))[0]).toContain('营业');
    stream.dispose();
  });
});
