/// <reference path="./espeakNg.d.ts" />
/** The parts of the `@echogarden/espeak-ng-emscripten` module this package uses (it ships no types). */
export interface EspeakEvent {
  type:
    | 'list_terminated'
    | 'word'
    | 'sentence'
    | 'mark'
    | 'play'
    | 'end'
    | 'msg_terminated'
    | 'phoneme'
    | 'samplerate';
  text_position: number;
  word_length: number;
  /** Milliseconds from the start of the synthesis. */
  audio_position: number;
  id: string | number | undefined;
}

/** `eSpeakNGWorker`: one synthesiser instance in the WASM module. */
export interface EspeakWorker {
  set_voice(name: string): number;
  set_rate(wordsPerMinute: number): void;
  set_pitch(pitch: number): void;
  get_samplerate(): number;
  /** Calls back with 16-bit PCM chunks and their events; return 0 to continue. */
  synthesize(text: string, callback: (samples: Int16Array, events: EspeakEvent[]) => number | boolean): void;
  __destroy__(): void;
}

/** The instantiated Emscripten module. */
export interface EspeakModule {
  eSpeakNGWorker: new () => EspeakWorker;
}

/** Where the 24 MB voice data comes from: the module's own location (default), a URL, or the bytes. */
export type EspeakData = string | ArrayBuffer | undefined;

type Factory = (moduleArg?: Record<string, unknown>) => Promise<EspeakModule>;

let cached: Promise<EspeakModule> | null = null;
let cachedKey: EspeakData;

/**
 * Loads the espeak-ng WASM module once (lazily: nothing is fetched until the first synthesiser is created).
 * In Node and unbundled browsers the data file is found next to the module; a bundler that moves the module
 * needs `data` (the URL the app serves `espeak-ng.data` from, or its bytes).
 */
export function loadEspeak(data?: EspeakData, timeoutMs = 30_000): Promise<EspeakModule> {
  if (cached && cachedKey === data) return cached;
  cachedKey = data;
  const load = (async () => {
    const factory = (await import('@echogarden/espeak-ng-emscripten')).default as Factory;
    if (data === undefined) return factory();
    const response = typeof data === 'string' ? await fetch(data) : null;
    if (response && !response.ok) throw new Error(`${data}: HTTP ${response.status}`);
    const bytes = response ? await response.arrayBuffer() : (data as ArrayBuffer);
    return factory({ getPreloadedPackage: () => bytes });
  })();
  // a data file the module cannot find fails inside Emscripten without rejecting: give up after a while
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`espeak-ng did not load in ${timeoutMs} ms (data file missing?)`)),
      timeoutMs,
    );
  });
  cached = Promise.race([load, timeout]).finally(() => clearTimeout(timer));
  cached.catch(() => {
    cached = null;
  });
  return cached;
}
