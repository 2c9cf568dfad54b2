import type { LocalParticipant, LocalTrackPublication, Track, TrackPublishOptions } from 'livekit-client';
import { LiveKitTransportError } from './LiveKitTransportError';
import { OperatorVoiceChain, type OperatorVoiceChainOptions } from './OperatorVoiceChain';

/** Options of {@link OperatorVoice.start}. */
export interface OperatorVoiceOptions extends OperatorVoiceChainOptions {
  /** The context to process in (default: a new interactive one, closed on `dispose()`). */
  context?: AudioContext;
  /** Microphone constraints (default: echo cancellation, noise suppression and auto gain on). */
  capture?: MediaTrackConstraints;
  /** Opens the microphone (default `navigator.mediaDevices.getUserMedia`); tests may pass a stream of their own. */
  openMicrophone?: (constraints: MediaTrackConstraints) => Promise<MediaStream>;
}

/** The participant surface {@link OperatorVoice.publish} uses (a livekit-client `LocalParticipant`). */
export type OperatorVoiceParticipant = Pick<LocalParticipant, 'publishTrack' | 'unpublishTrack'>;

/**
 * livekit-client's `Track.Source.Microphone`, written out so this module needs no value import of livekit-client
 * (it stays lazy). Operator tokens may publish this source only.
 */
const MICROPHONE_SOURCE = 'microphone' as Track.Source.Microphone;

/** The operator's headset is next to a speaker playing the customer: echo cancellation is essential. */
const DEFAULT_CAPTURE: MediaTrackConstraints = {
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: true,
};

function defaultOpen(constraints: MediaTrackConstraints): Promise<MediaStream> {
  const devices = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
  if (!devices?.getUserMedia) return Promise.reject(new Error('getUserMedia is not available'));
  return devices.getUserMedia({ audio: constraints, video: false });
}

/**
 * The operator's microphone, processed so the voice can sit near the avatar's: mic → pitch shifter (our own
 * AudioWorklet) → gain → one audio track, published to the room in place of the raw microphone. The customer hears
 * the avatar's voice change from the agent's TTS to the operator without a second, unprocessed voice.
 *
 * Failures (no mic, permission refused, no AudioWorklet) are `mic_unavailable` errors.
 *
 * ```ts
 * const voice = await OperatorVoice.start({ pitchSemitones: 2, gain: 1.2 });
 * await voice.publish(room.localParticipant);
 * pitchSlider.oninput = () => voice.setPitch(Number(pitchSlider.value));
 * ```
 */
export class OperatorVoice {
  /** The processing graph (gain and pitch). */
  readonly chain: OperatorVoiceChain;
  /** The processed voice track (what is published). */
  readonly track: MediaStreamTrack;
  private readonly context: AudioContext;
  private readonly ownsContext: boolean;
  private readonly microphone: MediaStream;
  private readonly source: MediaStreamAudioSourceNode;
  private readonly destination: MediaStreamAudioDestinationNode;
  private participant: OperatorVoiceParticipant | null = null;
  private publication: LocalTrackPublication | undefined;
  private disposed = false;

  private constructor(
    context: AudioContext,
    ownsContext: boolean,
    microphone: MediaStream,
    chain: OperatorVoiceChain,
  ) {
    this.context = context;
    this.ownsContext = ownsContext;
    this.microphone = microphone;
    this.chain = chain;
    this.source = context.createMediaStreamSource(microphone);
    this.destination = context.createMediaStreamDestination();
    this.destination.channelCount = 1;
    this.source.connect(chain.input);
    chain.output.connect(this.destination);
    const track = this.destination.stream.getAudioTracks()[0];
    if (!track) throw LiveKitTransportError.micUnavailable('the processed voice has no audio track');
    this.track = track;
  }

  /** Opens the microphone and builds the voice graph. */
  static async start(options: OperatorVoiceOptions = {}): Promise<OperatorVoice> {
    const context = options.context ?? new AudioContext({ latencyHint: 'interactive' });
    const owns = options.context === undefined;
    let microphone: MediaStream | undefined;
    try {
      const open = options.openMicrophone ?? defaultOpen;
      microphone = await open({ ...DEFAULT_CAPTURE, ...options.capture });
      const chain = await OperatorVoiceChain.create(context, options);
      return new OperatorVoice(context, owns, microphone, chain);
    } catch (cause) {
      for (const t of microphone?.getTracks() ?? []) t.stop();
      if (owns) await context.close().catch(() => undefined);
      throw LiveKitTransportError.isTransportError(cause)
        ? cause
        : LiveKitTransportError.micUnavailable('could not open the operator microphone', cause);
    }
  }

  /** Sets the linear gain (eased, no click). */
  setGain(gain: number): void {
    this.chain.setGain(gain);
  }

  /** Sets the pitch shift in semitones (-12..+12). */
  setPitch(semitones: number): void {
    this.chain.setPitch(semitones);
  }

  /**
   * Publishes the processed voice, by default named `operator-voice` with the microphone source (what the
   * operator's grants allow, and what agents listen for); `options` override both. Resumes the context (call from
   * a user gesture).
   */
  async publish(participant: OperatorVoiceParticipant, options: TrackPublishOptions = {}): Promise<void> {
    if (this.disposed) throw LiveKitTransportError.transportDisposed('OperatorVoice.publish()');
    await this.context.resume();
    try {
      this.publication = await participant.publishTrack(this.track, {
        name: 'operator-voice',
        source: MICROPHONE_SOURCE,
        ...options,
      });
      this.participant = participant;
    } catch (cause) {
      throw LiveKitTransportError.micUnavailable('could not publish the operator voice', cause);
    }
  }

  /** Unpublishes the voice (the graph keeps running; publish again to resume). */
  async unpublish(): Promise<void> {
    const { participant, publication } = this;
    this.participant = null;
    this.publication = undefined;
    if (participant && publication?.track) await participant.unpublishTrack(publication.track, false);
  }

  /** Unpublishes, stops the microphone and the processed track, and closes the context it created. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.unpublish().catch(() => undefined);
    for (const t of this.microphone.getTracks()) t.stop();
    this.track.stop();
    this.source.disconnect();
    this.chain.dispose();
    if (this.ownsContext) await this.context.close();
  }
}
