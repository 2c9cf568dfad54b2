import { Emitter } from '@digital-human/core';
import { LipsyncError } from '../LipsyncError';
import type { VisemeCue } from '../VisemeCue';
import { AudioVisemeStream } from './AudioVisemeStream';
import { DEFAULT_LIPSYNC_ASSET_BASE, lipsyncAssetUrls } from './assetUrls';
import { OnnxFrameClassifier } from './OnnxFrameClassifier';

/** Options of {@link AudioVisemeModel}. */
export interface AudioVisemeModelOptions {
  /** URL of `viseme.onnx` (default: under `/digital-human/lipsync/`, as `lipsyncAssets()` serves it). */
  modelUrl?: string;
  /** URL of onnxruntime-web's `ort-wasm-simd-threaded.wasm` (default: next to the model). */
  wasmUrl?: string;
  /** Run inference in onnxruntime-web's proxy worker instead of the calling thread (default true). */
  worker?: boolean;
  /** Runs of the model's output shorter than this many 10 ms frames fold into the run before (default 1: none; the bench measured more missed onsets with 2). */
  minCueFrames?: number;
}

/** How the model turns audio into visemes: the ONNX model, or the loudness fallback. */
export type AudioVisemeMode = 'model' | 'energy';

/** Events of {@link AudioVisemeModel}. */
export interface AudioVisemeModelEvents {
  /** Loaded; `mode` says whether the model or the loudness fallback runs. */
  ready: { mode: AudioVisemeMode };
  /** The model could not load (`model-load-failed`): streams fall back to loudness ('aa' when loud). */
  fallback: { error: LipsyncError };
}

/**
 * Audio → viseme cues with no text: a small conv net (log-mel in, 15 visemes out per 10 ms, 52 ms look-ahead)
 * trained on the project's own espeak-ng speech, run by onnxruntime-web (wasm, lazily imported; files served by
 * the app, see `lipsyncAssets()`). If the model cannot load, it emits `fallback` and works from loudness.
 *
 * @example
 * ```ts
 * const model = new AudioVisemeModel();
 * model.on('fallback', ({ error }) => report(error));
 * await model.load();
 * const stream = model.createStream(48000);
 * scheduler.beginUtterance(audioStart);
 * for await (const chunk of agentAudio) scheduler.push(await stream.push(chunk));
 * scheduler.push(await stream.end());
 * ```
 */
export class AudioVisemeModel {
  private readonly options: AudioVisemeModelOptions;
  private readonly events = new Emitter<AudioVisemeModelEvents>();
  private classifier: OnnxFrameClassifier | null = null;
  private loading: Promise<AudioVisemeMode> | null = null;
  private disposed = false;
  private currentMode: AudioVisemeMode | null = null;

  constructor(options: AudioVisemeModelOptions = {}) {
    this.options = options;
  }

  /** `'model'` or `'energy'` once loaded; null before. */
  get mode(): AudioVisemeMode | null {
    return this.currentMode;
  }

  /** Subscribes to an event; returns the unsubscribe. */
  on<K extends keyof AudioVisemeModelEvents>(
    type: K,
    fn: (event: AudioVisemeModelEvents[K]) => void,
  ): () => void {
    return this.events.on(type, fn);
  }

  /** Loads the model (once). Never rejects for a missing or broken model: it falls back and says so. */
  load(): Promise<AudioVisemeMode> {
    if (this.disposed) return Promise.reject(LipsyncError.usedAfterDispose('AudioVisemeModel'));
    this.loading ??= this.open();
    return this.loading;
  }

  /** A stream for one utterance of PCM at `sampleRate` (loads first if needed). */
  createStream(sampleRate: number): AudioVisemeStream {
    if (this.disposed) throw LipsyncError.usedAfterDispose('AudioVisemeModel');
    if (!(sampleRate >= 8000)) throw LipsyncError.badArgument(`sample rate ${sampleRate} is not usable`);
    return new AudioVisemeStream(this.classifier, sampleRate, this.options.minCueFrames);
  }

  /** Cues for a whole utterance (times from its first sample). */
  async analyze(pcm: Float32Array, sampleRate: number): Promise<VisemeCue[]> {
    await this.load();
    const stream = this.createStream(sampleRate);
    const head = await stream.push(pcm);
    return head.concat(await stream.end());
  }

  /** Releases the ONNX session and listeners. */
  dispose(): void {
    this.disposed = true;
    this.classifier?.dispose();
    this.classifier = null;
    this.events.removeAllListeners();
  }

  private async open(): Promise<AudioVisemeMode> {
    const defaults = lipsyncAssetUrls(DEFAULT_LIPSYNC_ASSET_BASE);
    const modelUrl = this.options.modelUrl ?? defaults.modelUrl;
    const wasmUrl = this.options.wasmUrl ?? new URL('ort-wasm-simd-threaded.wasm', toAbsolute(modelUrl)).href;
    try {
      this.classifier = await OnnxFrameClassifier.load({
        modelUrl,
        wasmUrl,
        proxy: this.options.worker ?? true,
      });
      this.currentMode = 'model';
    } catch (cause) {
      const error =
        cause instanceof LipsyncError
          ? cause
          : new LipsyncError('model-load-failed', String(cause), { cause });
      this.currentMode = 'energy';
      this.events.emit('fallback', { error });
    }
    if (this.disposed) this.classifier?.dispose();
    this.events.emit('ready', { mode: this.currentMode });
    return this.currentMode;
  }
}

function toAbsolute(url: string): string {
  return new URL(url, globalThis.location?.href ?? 'http://localhost/').href;
}
