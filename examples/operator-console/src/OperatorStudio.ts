import { AvatarView } from '@digital-human/avatar';
import { type FaceFrame, IdleDriver, Mixer, PerformanceClock, PuppetDriver } from '@digital-human/core';
import type { OperatorVoice } from '@digital-human/livekit';
import type { OperatorCapture } from '@digital-human/sense';

/** Where the operator's encoded frames go (the live room), set by the console. */
export type FrameSink = (bytes: Uint8Array) => void;

/**
 * The operator's own side: camera opt-in (`OperatorCapture`: webcam → face frames), microphone opt-in
 * (`OperatorVoice` with pitch and gain), and a preview of the avatar as the customer sees it — the same
 * `PuppetDriver` + `Mixer` the customer's browser runs, fed by the local capture.
 */
export class OperatorStudio {
  readonly mixer = new Mixer();
  readonly puppet: PuppetDriver;
  readonly view: AvatarView;
  capture: OperatorCapture | null = null;
  voice: OperatorVoice | null = null;
  private readonly clock = new PerformanceClock();
  private sink: FrameSink | null = null;
  private lastFrame: FaceFrame | null = null;

  constructor(container: HTMLElement, avatarUrl: string, portraitUrl: string) {
    this.puppet = new PuppetDriver({ clock: this.clock });
    this.mixer.addDriver(new IdleDriver());
    this.mixer.addDriver(this.puppet);
    const source = {
      update: (time: number, dt: number) => {
        this.lastFrame = this.mixer.update(time, dt);
        return this.lastFrame;
      },
    };
    this.view = new AvatarView({ container, frameSource: source, portraitUrl, quality: 'low' });
    void this.view.load(avatarUrl).catch(() => undefined);
  }

  /** The last mixed face of the preview (for the dev hook). */
  get face(): FaceFrame | null {
    return this.lastFrame;
  }

  /** Sends frames to `sink` (the live room), or nowhere. */
  setSink(sink: FrameSink | null): void {
    this.sink = sink;
  }

  /** Turns the camera on (MediaPipe is loaded lazily); rejects with the SenseError when it cannot. */
  async startCamera(): Promise<void> {
    if (this.capture?.active) return;
    const { OperatorCapture, senseAssetUrls } = await import('@digital-human/sense');
    const capture = new OperatorCapture({ tracker: senseAssetUrls(), thread: 'auto' });
    capture.on('frame', ({ frame, bytes }) => {
      this.puppet.push(frame, this.clock.now());
      this.sink?.(bytes);
    });
    this.capture = capture;
    await capture.start();
  }

  /** Turns the camera off (the customer's avatar holds, then eases to idle). */
  stopCamera(): void {
    this.capture?.dispose();
    this.capture = null;
  }

  /** Opens the microphone with the voice processing; the console publishes it to the live room. */
  async startVoice(): Promise<OperatorVoice> {
    if (this.voice) return this.voice;
    const { OperatorVoice } = await import('@digital-human/livekit');
    this.voice = await OperatorVoice.start({ pitchSemitones: 0, gain: 1 });
    return this.voice;
  }

  /** Closes the microphone. */
  async stopVoice(): Promise<void> {
    await this.voice?.dispose();
    this.voice = null;
  }

  /** Stops everything. */
  dispose(): void {
    this.stopCamera();
    void this.stopVoice();
    this.view.dispose();
    this.puppet.dispose();
  }
}
