import { DigitalHumanError } from '@digital-human/core';
import { LiveKitTransportError } from './LiveKitTransportError';
import { PITCH_SHIFTER_PROCESSOR, pitchShifterSource, semitonesToRatio } from './operatorVoiceWorklet';

/** Options of an {@link OperatorVoiceChain}. */
export interface OperatorVoiceChainOptions {
  /** Linear output gain (default 1). */
  gain?: number;
  /** Pitch shift in semitones, -12..+12 (default 0). */
  pitchSemitones?: number;
  /**
   * URL of a worklet module registering the shifter (default: {@link pitchShifterSource} as a Blob URL). Serve the
   * source yourself where a Content-Security-Policy forbids `blob:` worklets.
   */
  workletUrl?: string;
}

/** Time constant of gain changes, seconds: fast, but without a click. */
const GAIN_TAU = 0.02;
const loaded = new WeakMap<BaseAudioContext, Promise<void>>();

/** Loads the pitch shifter into `context`'s audio worklet once. */
function loadShifter(context: BaseAudioContext, url: string | undefined): Promise<void> {
  let loading = loaded.get(context);
  if (!loading) {
    const blobUrl = url
      ? null
      : URL.createObjectURL(new Blob([pitchShifterSource], { type: 'text/javascript' }));
    loading = context.audioWorklet.addModule(url ?? blobUrl!).finally(() => {
      if (blobUrl) URL.revokeObjectURL(blobUrl);
    });
    loaded.set(context, loading);
  }
  return loading;
}

function checkSemitones(semitones: number): number {
  if (!Number.isFinite(semitones) || Math.abs(semitones) > 12) {
    throw DigitalHumanError.invalidArgument(`pitch must be within ±12 semitones, got ${semitones}`);
  }
  return semitones;
}

/**
 * The operator's voice processing graph: input → pitch shifter (our AudioWorklet, a two-tap delay-line shifter)
 * → gain → output. Works in any `BaseAudioContext`, so an `OfflineAudioContext` can measure it. Connect a source
 * to {@link input} and {@link output} to a destination.
 */
export class OperatorVoiceChain {
  /** Connect the microphone (or any source) here. */
  readonly input: AudioWorkletNode;
  /** The processed voice. */
  readonly output: GainNode;
  private readonly context: BaseAudioContext;
  private semitones: number;

  private constructor(
    context: BaseAudioContext,
    shifter: AudioWorkletNode,
    gain: GainNode,
    semitones: number,
  ) {
    this.context = context;
    this.input = shifter;
    this.output = gain;
    this.semitones = semitones;
    shifter.connect(gain);
  }

  /** Loads the worklet (once per context) and builds the graph. */
  static async create(
    context: BaseAudioContext,
    options: OperatorVoiceChainOptions = {},
  ): Promise<OperatorVoiceChain> {
    const semitones = checkSemitones(options.pitchSemitones ?? 0);
    try {
      await loadShifter(context, options.workletUrl);
    } catch (cause) {
      loaded.delete(context);
      throw LiveKitTransportError.micUnavailable('the voice pitch worklet could not be loaded', cause);
    }
    const shifter = new AudioWorkletNode(context, PITCH_SHIFTER_PROCESSOR, {
      numberOfInputs: 1,
      numberOfOutputs: 1,
      outputChannelCount: [1],
      parameterData: { pitchRatio: semitonesToRatio(semitones) },
    });
    const gain = new GainNode(context, { gain: options.gain ?? 1 });
    return new OperatorVoiceChain(context, shifter, gain, semitones);
  }

  /** The linear gain aimed at. */
  get gain(): number {
    return this.output.gain.value;
  }

  /** The pitch shift, semitones. */
  get pitchSemitones(): number {
    return this.semitones;
  }

  /** Sets the linear gain (0 mutes), eased over ~20 ms so it never clicks. */
  setGain(gain: number): void {
    if (!(gain >= 0) || !Number.isFinite(gain)) {
      throw DigitalHumanError.invalidArgument(`gain must be a finite number >= 0, got ${gain}`);
    }
    this.output.gain.setTargetAtTime(gain, this.context.currentTime, GAIN_TAU);
  }

  /** Sets the pitch shift in semitones (-12..+12; 0 passes the voice through unchanged). */
  setPitch(semitones: number): void {
    this.semitones = checkSemitones(semitones);
    this.input.parameters
      .get('pitchRatio')
      ?.setValueAtTime(semitonesToRatio(semitones), this.context.currentTime);
  }

  /** Disconnects the graph. */
  dispose(): void {
    this.input.disconnect();
    this.output.disconnect();
  }
}
