import { Channel, type Driver, type FaceFrame, VisemeIndex } from '@digital-human/core';

/** What {@link OperatorVoiceLipsync} reads: an `AnalyserNode` (or a stand-in in tests). */
export interface VoiceLevelSource {
  readonly fftSize: number;
  getFloatTimeDomainData(array: Float32Array<ArrayBuffer>): void;
}

/** Options of an {@link OperatorVoiceLipsync}. */
export interface OperatorVoiceLipsyncOptions {
  /** RMS below which the voice counts as silence (default 0.01, about -40 dBFS). */
  silence?: number;
  /** RMS that opens the mouth fully (default 0.2). */
  loud?: number;
  /** Envelope attack and release time constants, seconds (defaults 0.03 and 0.12). */
  attack?: number;
  release?: number;
  /** How long the mouth channel is kept after the voice falls silent, seconds (default 0.2). */
  linger?: number;
}

/**
 * The fallback lip-sync for a human operator: the mouth follows the loudness of the operator's voice (an envelope
 * over the RMS of the latest audio block, mapped onto `aa` with a little `oh`). Crude next to the operator's own
 * tracked mouth, so `PuppetDriver` uses it only while the face data is missing (pass it as `fallbackMouth`).
 *
 * Claims the mouth while the voice is audible (and `linger` seconds after). Allocation-free per frame.
 *
 * ```ts
 * const lipsync = OperatorVoiceLipsync.fromTrack(transport.audioContext!, operatorVoiceTrack);
 * const puppet = new PuppetDriver({ clock, fallbackMouth: lipsync });
 * ```
 */
export class OperatorVoiceLipsync implements Driver {
  readonly name = 'operator-voice-lipsync';
  readonly priority = 0;
  private readonly source: VoiceLevelSource;
  private readonly block: Float32Array<ArrayBuffer>;
  private readonly silence: number;
  private readonly loud: number;
  private readonly attack: number;
  private readonly release: number;
  private readonly linger: number;
  private readonly onDispose: (() => void) | undefined;
  private level = 0;
  private quietFor = Number.POSITIVE_INFINITY;

  constructor(source: VoiceLevelSource, options: OperatorVoiceLipsyncOptions = {}, onDispose?: () => void) {
    this.source = source;
    this.block = new Float32Array(source.fftSize);
    this.silence = options.silence ?? 0.01;
    this.loud = Math.max(this.silence * 2, options.loud ?? 0.2);
    this.attack = options.attack ?? 0.03;
    this.release = options.release ?? 0.12;
    this.linger = options.linger ?? 0.2;
    this.onDispose = onDispose;
  }

  /** Analyses `track` (the operator's voice as the customer receives it) in `context`. */
  static fromTrack(
    context: AudioContext,
    track: MediaStreamTrack,
    options?: OperatorVoiceLipsyncOptions,
  ): OperatorVoiceLipsync {
    const input = context.createMediaStreamSource(new MediaStream([track]));
    const analyser = new AnalyserNode(context, { fftSize: 1024 });
    input.connect(analyser);
    return new OperatorVoiceLipsync(analyser, options, () => {
      input.disconnect();
      analyser.disconnect();
    });
  }

  /** The current mouth opening, 0..1. */
  get opening(): number {
    return this.level;
  }

  update(_time: number, dt: number, out: FaceFrame): number {
    const step = dt > 0 && dt < 1 ? dt : 0;
    const rms = this.measure();
    const target = rms <= this.silence ? 0 : Math.min(1, (rms - this.silence) / (this.loud - this.silence));
    const tau = target > this.level ? this.attack : this.release;
    this.level += (target - this.level) * (1 - Math.exp(-step / tau));
    this.quietFor = rms > this.silence ? 0 : this.quietFor + step;
    if (this.quietFor > this.linger) return 0;
    out.visemes[VisemeIndex.aa] = this.level * 0.8;
    out.visemes[VisemeIndex.oh] = this.level * 0.2;
    out.visemes[VisemeIndex.sil] = 1 - this.level;
    return Channel.mouth;
  }

  /** Disconnects the analyser it created. */
  dispose(): void {
    this.onDispose?.();
  }

  private measure(): number {
    const block = this.block;
    this.source.getFloatTimeDomainData(block);
    let sum = 0;
    for (let i = 0; i < block.length; i++) sum += block[i]! * block[i]!;
    return Math.sqrt(sum / block.length);
  }
}
