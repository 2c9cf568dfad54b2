import { SenseError } from '../SenseError';

/** The wasm file URLs MediaPipe's `FilesetResolver` chose (SIMD or not). */
export interface WasmFiles {
  wasmLoaderPath: string;
  wasmBinaryPath: string;
}

/** True when a response is a real file, not an error page or an SPA's `index.html` fallback. */
function isFile(response: Response): boolean {
  const type = response.headers.get('content-type') ?? '';
  return response.ok && !type.includes('text/html');
}

function reasonOf(response: Response): string {
  return response.ok ? 'the server answered with an HTML page' : `HTTP ${response.status}`;
}

/**
 * Fetches the `face_landmarker.task` model into memory so a missing file fails with a clear `model-missing`
 * instead of an opaque wasm error.
 */
export async function fetchModel(url: string, signal?: AbortSignal): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, signal ? { signal } : {});
  } catch (cause) {
    throw SenseError.modelMissing(url, 'network error', { cause });
  }
  if (!isFile(response)) throw SenseError.modelMissing(url, reasonOf(response), { status: response.status });
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength < 1024) throw SenseError.modelMissing(url, `only ${bytes.byteLength} bytes`);
  return bytes;
}

async function preflight(url: string, signal?: AbortSignal): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, signal ? { method: 'HEAD', signal } : { method: 'HEAD' });
  } catch (cause) {
    throw SenseError.wasmMissing(url, 'network error', { cause });
  }
  if (!isFile(response)) throw SenseError.wasmMissing(url, reasonOf(response), { status: response.status });
}

/** Checks that the wasm loader script and binary are served, throwing `wasm-missing` with the URL when not. */
export async function preflightWasm(files: WasmFiles, signal?: AbortSignal): Promise<void> {
  if (typeof WebAssembly === 'undefined') throw SenseError.unsupported('WebAssembly is not available');
  await Promise.all([preflight(files.wasmLoaderPath, signal), preflight(files.wasmBinaryPath, signal)]);
}
