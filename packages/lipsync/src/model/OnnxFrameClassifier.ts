import type { InferenceSession, Tensor } from 'onnxruntime-web';
import { LipsyncError } from '../LipsyncError';
import { MEL_BANDS } from './logMel';

/** Frames the model sees per output frame (its receptive field), as trained (model/convnet.py). */
export const MODEL_CONTEXT = 33;
/** Frames after the labelled frame the model looks at (40 ms; plus half a window: 52.5 ms of audio). */
export const MODEL_LOOKAHEAD = 4;
/** Output classes: the 15 canonical visemes in `VISEMES` order. */
export const MODEL_CLASSES = 15;

type Ort = typeof import('onnxruntime-web');

/** Options of {@link OnnxFrameClassifier.load}. */
export interface OnnxClassifierOptions {
  modelUrl: string;
  wasmUrl: string;
  /** Run inference in onnxruntime-web's own worker (default true). */
  proxy: boolean;
}

/**
 * The audio model in onnxruntime-web (wasm backend, one thread), imported lazily so the lip-sync core stays
 * small. `classify` maps `frames × 40` log-mel features to `(frames − 32) × 15` logits.
 */
export class OnnxFrameClassifier {
  private session: InferenceSession | null;
  private readonly ort: Ort;

  private constructor(ort: Ort, session: InferenceSession) {
    this.ort = ort;
    this.session = session;
  }

  /** Imports onnxruntime-web and opens the model; rejects with a `model-load-failed` {@link LipsyncError}. */
  static async load(options: OnnxClassifierOptions): Promise<OnnxFrameClassifier> {
    try {
      const ort = await import('onnxruntime-web/wasm');
      ort.env.wasm.wasmPaths = { wasm: new URL(options.wasmUrl, globalThis.location?.href).href };
      ort.env.wasm.numThreads = 1;
      ort.env.wasm.proxy = options.proxy;
      const response = await fetch(options.modelUrl);
      if (!response.ok) throw new Error(`${options.modelUrl}: HTTP ${response.status}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      const session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
      return new OnnxFrameClassifier(ort, session);
    } catch (cause) {
      throw new LipsyncError(
        'model-load-failed',
        `audio viseme model could not load from ${options.modelUrl}: ${String(cause)}`,
        { cause },
      );
    }
  }

  /** Logits for every frame whose full context is in `features` (`frames × MEL_BANDS`, row-major). */
  async classify(features: Float32Array, frames: number): Promise<Float32Array> {
    const session = this.session;
    if (!session) throw LipsyncError.usedAfterDispose('AudioVisemeModel');
    // a copy: in worker (proxy) mode onnxruntime-web transfers, and so detaches, the input's buffer
    const input: Tensor = new this.ort.Tensor('float32', features.slice(0, frames * MEL_BANDS), [
      1,
      frames,
      MEL_BANDS,
    ]);
    const result = await session.run({ features: input });
    const logits = result.logits;
    if (!logits) throw new LipsyncError('model-load-failed', 'audio viseme model has no "logits" output');
    return logits.data as Float32Array;
  }

  /** Releases the session. */
  dispose(): void {
    void this.session?.release();
    this.session = null;
  }
}
