import { describe, expect, it } from 'vitest';
import { AvatarLoadError } from './AvatarLoadError';
import { type LoadProgress, readSource } from './readSource';

function streamOf(chunks: number[], headers: Record<string, string> = {}, status = 200): typeof fetch {
  return async () =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const size of chunks) controller.enqueue(new Uint8Array(size).fill(7));
          controller.close();
        },
      }),
      { status, headers },
    );
}

async function errorOf(promise: Promise<unknown>): Promise<AvatarLoadError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AvatarLoadError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('readSource', () => {
  it('streams a URL with progress', async () => {
    const progress: LoadProgress[] = [];
    const bytes = await readSource('https://example.test/a.vrm', {
      maxBytes: 1000,
      fetch: streamOf([100, 200, 50], { 'content-length': '350' }),
      onProgress: (p) => progress.push({ ...p }),
    });
    expect(bytes.byteLength).toBe(350);
    expect(bytes[349]).toBe(7);
    expect(progress).toEqual([
      { loaded: 100, total: 350 },
      { loaded: 300, total: 350 },
      { loaded: 350, total: 350 },
    ]);
  });

  it('rejects on Content-Length over the limit before reading', async () => {
    const error = await errorOf(
      readSource('u', { maxBytes: 100, fetch: streamOf([10], { 'content-length': '5000' }) }),
    );
    expect(error.code).toBe('too-large');
  });

  it('rejects while streaming when the server did not say the size', async () => {
    const progress: LoadProgress[] = [];
    const error = await errorOf(
      readSource('u', {
        maxBytes: 250,
        fetch: streamOf([100, 100, 100]),
        onProgress: (p) => progress.push(p),
      }),
    );
    expect(error.code).toBe('too-large');
    expect(progress.length).toBe(2);
  });

  it('reports HTTP errors as network with the status', async () => {
    const error = await errorOf(readSource('u', { maxBytes: 100, fetch: streamOf([], {}, 404) }));
    expect(error.code).toBe('network');
    expect(error.status).toBe(404);
    expect(error.message).toMatch(/^Avatar: .*404/);
  });

  it('reports fetch failures as network with the cause', async () => {
    const cause = new TypeError('Failed to fetch');
    const error = await errorOf(
      readSource('u', {
        maxBytes: 100,
        fetch: async () => {
          throw cause;
        },
      }),
    );
    expect(error.code).toBe('network');
    expect(error.cause).toBe(cause);
  });

  it('reports an abort as aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect((await errorOf(readSource('u', { maxBytes: 100, signal: controller.signal }))).code).toBe(
      'aborted',
    );
  });

  it('checks the size of bytes and blobs', async () => {
    expect((await errorOf(readSource(new Uint8Array(11), { maxBytes: 10 }))).code).toBe('too-large');
    expect((await errorOf(readSource(new ArrayBuffer(11), { maxBytes: 10 }))).code).toBe('too-large');
    expect((await errorOf(readSource(new Blob([new Uint8Array(11)]), { maxBytes: 10 }))).code).toBe(
      'too-large',
    );
    expect((await readSource(new Blob([new Uint8Array(10)]), { maxBytes: 10 })).byteLength).toBe(10);
  });
});
