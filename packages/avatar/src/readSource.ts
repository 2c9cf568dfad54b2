import { AvatarLoadError } from './AvatarLoadError';

/** Where an avatar's bytes come from: a URL, bytes in memory, or a `Blob`/`File`. */
export type AvatarSource = string | URL | ArrayBuffer | Uint8Array | Blob;

/** Bytes received so far and the expected total (0 when the server did not say). */
export interface LoadProgress {
  loaded: number;
  total: number;
}

/** Options for {@link readSource}. */
export interface ReadSourceOptions {
  /** Largest accepted size in bytes. */
  maxBytes: number;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: LoadProgress) => void) | undefined;
  /** `fetch` to use (tests, custom headers). Defaults to the global one. */
  fetch?: typeof fetch | undefined;
}

/**
 * Reads an avatar source into bytes, streaming URLs with progress and enforcing `maxBytes` from the
 * `Content-Length` header, while streaming, and for in-memory input.
 */
export async function readSource(source: AvatarSource, options: ReadSourceOptions): Promise<Uint8Array> {
  throwIfAborted(options.signal);
  if (source instanceof Uint8Array) return checkSize(source, options.maxBytes);
  if (source instanceof ArrayBuffer) return checkSize(new Uint8Array(source), options.maxBytes);
  if (typeof Blob !== 'undefined' && source instanceof Blob) {
    if (source.size > options.maxBytes) throw AvatarLoadError.tooLarge(source.size, options.maxBytes);
    return new Uint8Array(await source.arrayBuffer());
  }
  return fetchBytes(String(source), options);
}

function checkSize(bytes: Uint8Array, maxBytes: number): Uint8Array {
  if (bytes.byteLength > maxBytes) throw AvatarLoadError.tooLarge(bytes.byteLength, maxBytes);
  return bytes;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw AvatarLoadError.loadAborted(signal.reason);
}

async function fetchBytes(url: string, options: ReadSourceOptions): Promise<Uint8Array> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(url, options.signal ? { signal: options.signal } : {});
  } catch (error) {
    throwIfAborted(options.signal);
    throw new AvatarLoadError('network', `could not fetch ${url}`, { cause: error });
  }
  if (!response.ok) {
    throw new AvatarLoadError('network', `fetching ${url} failed with HTTP ${response.status}`, {
      status: response.status,
    });
  }
  const total = Number(response.headers.get('content-length') ?? 0) || 0;
  if (total > options.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw AvatarLoadError.tooLarge(total, options.maxBytes);
  }
  if (!response.body) return checkSize(new Uint8Array(await response.arrayBuffer()), options.maxBytes);
  return readStream(response.body.getReader(), total, url, options);
}

async function readStream(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  total: number,
  url: string,
  options: ReadSourceOptions,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      loaded += value.byteLength;
      if (loaded > options.maxBytes) throw AvatarLoadError.tooLarge(loaded, options.maxBytes);
      chunks.push(value);
      options.onProgress?.({ loaded, total });
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throwIfAborted(options.signal);
    if (error instanceof AvatarLoadError) throw error;
    throw new AvatarLoadError('network', `reading ${url} failed`, { cause: error });
  }
  return concat(chunks, loaded);
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
