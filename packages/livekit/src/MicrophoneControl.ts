import type { AudioCaptureOptions, LocalParticipant, LocalTrackPublication } from 'livekit-client';
import { LiveKitTransportError } from './LiveKitTransportError';

/** Capture defaults for talking to an avatar on a phone speaker: the browser's echo cancellation is essential. */
export const DEFAULT_MIC_CAPTURE: Readonly<AudioCaptureOptions> = {
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: true,
};

/**
 * The customer's microphone: publish with echo cancellation, mute and unmute without republishing, unpublish.
 * Failures (no device, permission denied) are `mic_unavailable` errors: the app falls back to text input.
 */
export class MicrophoneControl {
  private publication: LocalTrackPublication | undefined;

  constructor(private readonly participant: Pick<LocalParticipant, 'setMicrophoneEnabled'>) {}

  /** True while a microphone track is published. */
  get enabled(): boolean {
    return this.publication !== undefined;
  }

  /** True while the published track is muted (or nothing is published). */
  get muted(): boolean {
    return this.publication?.isMuted ?? true;
  }

  /** Opens and publishes the microphone; `capture` overrides {@link DEFAULT_MIC_CAPTURE}. */
  async enable(capture: AudioCaptureOptions = {}): Promise<void> {
    try {
      const options = { ...DEFAULT_MIC_CAPTURE, ...capture };
      this.publication = await this.participant.setMicrophoneEnabled(true, options);
    } catch (cause) {
      throw LiveKitTransportError.micUnavailable('could not open or publish the microphone', cause);
    }
    if (!this.publication) throw LiveKitTransportError.micUnavailable('the microphone was not published');
  }

  /** Mutes or unmutes the published microphone (the track stays published, so unmuting is instant). */
  async setMuted(muted: boolean): Promise<void> {
    const publication = this.publication;
    if (!publication) throw LiveKitTransportError.micUnavailable('mute needs an enabled microphone');
    if (muted) await publication.mute();
    else await publication.unmute();
  }

  /** Stops and unpublishes the microphone. */
  async disable(): Promise<void> {
    if (!this.publication) return;
    this.publication = undefined;
    await this.participant.setMicrophoneEnabled(false);
  }
}
