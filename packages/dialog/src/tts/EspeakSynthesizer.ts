import { type PhonemeTiming, phonemesToCues, type TimedText, type VisemeCue } from '@digital-human/lipsync';
import { type EspeakData, type EspeakEvent, type EspeakWorker, loadEspeak } from './espeakModule';
import { TtsError } from './TtsError';

/** Voices this synthesiser is tested with; any espeak-ng voice name (with `+variant`) is accepted. */
export const ESPEAK_VOICES = {
  'en-us': 'American English, male',
  'en-us+f3': 'American English, female',
  'en-us+m3': 'American English, male (variant 3)',
  en: 'British English, male',
  cmn: 'Mandarin Chinese, male',
  'cmn+f2': 'Mandarin Chinese, female',
  'cmn+m3': 'Mandarin Chinese, male (variant 3)',
} as const;

/** Options of one synthesis. */
export interface SynthesisOptions {
  /** espeak-ng voice, e.g. 'en-us', 'cmn', 'cmn+f2' (default: 'cmn' when the text has Han characters, else 'en-us'). */
  voice?: string;
  /** Words per minute (espeak default 175). */
  rate?: number;
  /** Pitch 0..100 (espeak default 50). */
  pitch?: number;
}

/** Synthesised speech with the synthesiser's own phoneme timing (ground truth for lip sync). */
export interface SynthesisResult {
  sampleRate: number;
  /** 16-bit PCM, mono. */
  samples: Int16Array;
  /** Seconds. */
  duration: number;
  /** The voice used. */
  voice: string;
  /** Every phone espeak-ng spoke (IPA, its spelling), seconds; pauses have phoneme ''. */
  phonemes: PhonemeTiming[];
  /** Words of the input text with their audio intervals, seconds. */
  words: TimedText[];
  /** Canonical viseme cues from the phonemes. */
  visemes: VisemeCue[];
}

/** Options of {@link EspeakSynthesizer.create}. */
export interface EspeakSynthesizerOptions {
  /**
   * Where `espeak-ng.data` comes from when the module cannot find it next to itself: needed in bundled browser
   * builds, e.g. with Vite `import url from '@echogarden/espeak-ng-emscripten/espeak-ng.data?url'`.
   */
  data?: EspeakData;
  /** Give up loading after this long (default 30 s). */
  timeoutMs?: number;
}

/**
 * The dev speech synthesiser: espeak-ng compiled to WASM, with phoneme events timed on the audio. For the demo,
 * tests and the reference dialog service only: espeak-ng is GPL and must never reach what a bank ships.
 * Runs in Node and in the browser (a worker is best: synthesis is synchronous).
 */
export class EspeakSynthesizer {
  private worker: EspeakWorker | null;
  /** Output sample rate (22050 Hz for espeak-ng). */
  readonly sampleRate: number;

  private constructor(worker: EspeakWorker) {
    this.worker = worker;
    this.sampleRate = worker.get_samplerate();
  }

  /** Loads espeak-ng (once per page/process) and creates a synthesiser. */
  static async create(options: EspeakSynthesizerOptions = {}): Promise<EspeakSynthesizer> {
    try {
      const module = await loadEspeak(options.data, options.timeoutMs);
      return new EspeakSynthesizer(new module.eSpeakNGWorker());
    } catch (cause) {
      throw TtsError.loadFailed(cause);
    }
  }

  /** Synthesises `text` (zh or en) to PCM plus phoneme, word and viseme timing. */
  synthesize(text: string, options: SynthesisOptions = {}): SynthesisResult {
    const worker = this.worker;
    if (!worker) throw TtsError.usedAfterDispose();
    const voice = options.voice ?? (/\p{Script=Han}/u.test(text) ? 'cmn' : 'en-us');
    if (worker.set_voice(voice) !== 0) throw TtsError.unknownVoice(voice);
    worker.set_rate(options.rate ?? 175);
    worker.set_pitch(options.pitch ?? 50);
    const chunks: Int16Array[] = [];
    const events: EspeakEvent[] = [];
    worker.synthesize(text, (samples, chunkEvents) => {
      chunks.push(samples);
      events.push(...chunkEvents);
      return 0;
    });
    const samples = concat(chunks);
    const duration = samples.length / this.sampleRate;
    const phonemes = phonemeTimings(events, duration);
    return {
      sampleRate: this.sampleRate,
      samples,
      duration,
      voice,
      phonemes,
      words: wordTimings(text, events, duration),
      visemes: phonemesToCues(phonemes),
    };
  }

  /** Frees the WASM synthesiser. */
  dispose(): void {
    this.worker?.__destroy__();
    this.worker = null;
  }
}

/** 16-bit PCM → float -1..1. */
export function toFloat32(samples: Int16Array): Float32Array {
  const out = new Float32Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = samples[i]! / 32768;
  return out;
}

function concat(chunks: readonly Int16Array[]): Int16Array {
  const out = new Int16Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Phoneme events → intervals: each phone lasts until the next phone (or the end of the audio). */
function phonemeTimings(events: readonly EspeakEvent[], duration: number): PhonemeTiming[] {
  const phones = events.filter((e) => e.type === 'phoneme');
  const out: PhonemeTiming[] = [];
  phones.forEach((e, i) => {
    const start = e.audio_position / 1000;
    const next = phones[i + 1];
    const end = Math.min(duration, next ? next.audio_position / 1000 : duration);
    if (end > start) out.push({ phoneme: String(e.id ?? ''), start, end });
  });
  return out;
}

/**
 * Word events → timed words. A word's text runs from its 1-based text position to the next word's (espeak-ng
 * reports Mandarin word lengths as 1 and splits numbers into several events at one position, which are merged).
 */
function wordTimings(text: string, events: readonly EspeakEvent[], duration: number): TimedText[] {
  const chars = Array.from(text);
  const boundaries = events.filter((e) => e.type === 'word' || e.type === 'end');
  const words: TimedText[] = [];
  let lastPosition = -1;
  events.forEach((e) => {
    if (e.type !== 'word' || e.text_position === lastPosition) return;
    lastPosition = e.text_position;
    const next = events.find((n) => n.type === 'word' && n.text_position > e.text_position);
    const from = e.text_position - 1;
    const to = next ? next.text_position - 1 : chars.length;
    const after = boundaries.find(
      (b) => b.audio_position > e.audio_position && (b.type === 'end' || b.text_position > e.text_position),
    );
    const word = chars
      .slice(from, to)
      .join('')
      .replace(/[\s\p{P}]+$/u, '');
    words.push({
      text: word,
      start: e.audio_position / 1000,
      end: after ? after.audio_position / 1000 : duration,
    });
  });
  return words;
}
