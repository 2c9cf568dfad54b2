import type { VisemeCue } from '../VisemeCue';
import { FrameCues } from './FrameCues';
import { FEATURE_SAMPLE_RATE, FRAME_HOP, FRAME_LENGTH, LogMel, MEL_BANDS } from './logMel';
import { MODEL_CLASSES, MODEL_CONTEXT, MODEL_LOOKAHEAD } from './OnnxFrameClassifier';
import { Resampler } from './Resampler';

/** What turns feature frames into per-frame logits (the ONNX model; a stub in tests). */
export interface FrameClassifier {
  classify(features: Float32Array, frames: number): Promise<Float32Array>;
}

const AA = 10;
/** Energy fallback: level 0 at this frame loudness (dBFS) and 1 at the loudest frame so far (at least −30). */
const FLOOR_DB = -55;
const OPEN_LEVEL = 0.25;

/**
 * One utterance of audio → viseme cues, chunk by chunk. {@link push} PCM as it arrives (any sample rate); each
 * call resolves to the cues that became final (times in seconds from the utterance's first sample, for
 * `VisemeScheduler.push`); {@link end} flushes the rest. With a model, cues trail the audio by the model's
 * look-ahead (≈ 53 ms of audio), which costs no playback delay when audio arrives ahead of playout. Without one
 * (fallback), loud frames open the mouth ('aa', weighted by loudness).
 */
export class AudioVisemeStream {
  private readonly classifier: FrameClassifier | null;
  private readonly resampler: Resampler | null;
  private readonly mel = new LogMel();
  private readonly cues: FrameCues;
  private pcm = new Float32Array(16000);
  private pcmLength = 0;
  /** Absolute (padded) index of pcm[0]. */
  private pcmBase = 0;
  private features = new Float32Array(64 * MEL_BANDS);
  private featureLength = 0;
  /** Absolute (padded) frame index of features[0]. */
  private featureBase = 0;
  private loudest = -30;
  private chain: Promise<unknown> = Promise.resolve();
  private ended = false;

  constructor(classifier: FrameClassifier | null, sampleRate: number, minCueFrames = 1) {
    this.classifier = classifier;
    this.cues = new FrameCues(minCueFrames);
    this.resampler =
      sampleRate === FEATURE_SAMPLE_RATE ? null : new Resampler(sampleRate, FEATURE_SAMPLE_RATE);
    // the model's past context before the first sample is silence
    if (classifier) this.append(new Float32Array((MODEL_CONTEXT - 1 - MODEL_LOOKAHEAD) * FRAME_HOP));
  }

  /** Adds PCM (mono, -1..1, at the stream's sample rate); resolves to the cues that are now final. */
  push(chunk: Float32Array): Promise<VisemeCue[]> {
    if (this.ended) return Promise.resolve([]);
    this.append(this.resampler ? this.resampler.push(chunk) : chunk);
    return this.run(false);
  }

  /** Ends the utterance; resolves to the remaining cues. */
  end(): Promise<VisemeCue[]> {
    if (this.ended) return Promise.resolve([]);
    this.ended = true;
    if (this.resampler) this.append(this.resampler.flush());
    if (this.classifier) this.append(new Float32Array(MODEL_LOOKAHEAD * FRAME_HOP));
    return this.run(true);
  }

  private run(final: boolean): Promise<VisemeCue[]> {
    const next = this.chain.then(() => this.step(final));
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async step(final: boolean): Promise<VisemeCue[]> {
    this.computeFrames();
    const out: VisemeCue[] = [];
    if (this.classifier) await this.classifyFrames(out);
    else this.energyFrames(out);
    if (final) this.cues.end(out);
    return out;
  }

  private append(samples: ArrayLike<number>): void {
    if (this.pcmLength + samples.length > this.pcm.length) {
      const grown = new Float32Array(Math.max(this.pcm.length * 2, this.pcmLength + samples.length));
      grown.set(this.pcm.subarray(0, this.pcmLength));
      this.pcm = grown;
    }
    this.pcm.set(samples as Float32Array, this.pcmLength);
    this.pcmLength += samples.length;
  }

  /** Log-mel of every whole frame now in the PCM buffer; then drops the PCM no later frame needs. */
  private computeFrames(): void {
    for (;;) {
      const frame = this.featureBase + this.featureLength;
      const start = frame * FRAME_HOP - this.pcmBase;
      if (start + FRAME_LENGTH > this.pcmLength) break;
      if ((this.featureLength + 1) * MEL_BANDS > this.features.length) {
        const grown = new Float32Array(this.features.length * 2);
        grown.set(this.features);
        this.features = grown;
      }
      this.mel.frame(this.pcm, start, this.features, this.featureLength * MEL_BANDS);
      this.featureLength++;
    }
    const keep = (this.featureBase + this.featureLength) * FRAME_HOP - this.pcmBase;
    if (keep > 0) {
      this.pcm.copyWithin(0, keep, this.pcmLength);
      this.pcmLength -= keep;
      this.pcmBase += keep;
    }
  }

  private async classifyFrames(out: VisemeCue[]): Promise<void> {
    const ready = this.featureLength - (MODEL_CONTEXT - 1);
    if (ready <= 0 || !this.classifier) return;
    const logits = await this.classifier.classify(this.features, this.featureLength);
    for (let i = 0; i < ready; i++) {
      let best = 0;
      for (let c = 1; c < MODEL_CLASSES; c++) {
        if (logits[i * MODEL_CLASSES + c]! > logits[i * MODEL_CLASSES + best]!) best = c;
      }
      this.cues.add(best, 1, out);
    }
    this.dropFeatures(ready);
  }

  private energyFrames(out: VisemeCue[]): void {
    for (let f = 0; f < this.featureLength; f++) {
      // total mel power in dB; a full-scale sine reads about 0 dBFS
      let power = 0;
      for (let m = 0; m < MEL_BANDS; m++) power += Math.exp(this.features[f * MEL_BANDS + m]!);
      const db = 4.343 * Math.log(power) - 40;
      this.loudest = Math.max(this.loudest, db);
      const level = Math.min(1, Math.max(0, (db - FLOOR_DB) / (this.loudest - FLOOR_DB)));
      this.cues.add(level > OPEN_LEVEL ? AA : 0, level, out);
    }
    this.dropFeatures(this.featureLength);
  }

  private dropFeatures(count: number): void {
    this.features.copyWithin(0, count * MEL_BANDS, this.featureLength * MEL_BANDS);
    this.featureLength -= count;
    this.featureBase += count;
  }
}
