import { createMessage } from '@digital-human/protocol';
import type { SenseError } from '@digital-human/sense';
import type { Conversation } from './Conversation';
import type { StringKey } from './i18n';

type CameraSenseModule = typeof import('@digital-human/sense');
type CameraSense = InstanceType<CameraSenseModule['CameraSense']>;

/**
 * The camera, only with consent: off until the customer taps the button; a visible indicator while it is on; one tap
 * stops it. Frames stay on the device: only the rate-limited `user.sentiment` numbers are sent, and the customer's
 * mood steers the avatar's empathy. Without a camera (denied, missing, model not served) the chat carries on.
 */
export class CameraConsent {
  private sense: CameraSense | null = null;
  private readonly unsubscribes: Array<() => void> = [];

  constructor(
    private readonly conversation: Conversation,
    private readonly button: HTMLButtonElement,
    private readonly indicator: HTMLElement,
    private readonly t: (key: StringKey) => string,
    private readonly onPresence: (present: boolean) => void = () => {},
  ) {
    button.addEventListener('click', () => void this.toggle());
    this.render();
  }

  /** Updates the button and indicator texts (after a language change too). */
  render(error?: SenseError): void {
    const on = this.sense?.active ?? false;
    this.button.textContent = this.t(on ? 'cameraOff' : 'cameraOn');
    this.button.setAttribute('aria-pressed', String(on));
    this.indicator.hidden = !on && !error;
    this.indicator.classList.toggle('error', Boolean(error));
    this.indicator.textContent = error ? this.t('cameraUnavailable') : this.t('cameraActive');
  }

  private async toggle(): Promise<void> {
    if (this.sense?.active) {
      this.stop();
      return;
    }
    // The sensing code and MediaPipe load only after consent; that can take a few seconds on a phone.
    this.button.textContent = this.t('cameraStarting');
    this.button.disabled = true;
    const { CameraSense, senseAssetUrls, toWireSentiment } = await import('@digital-human/sense');
    const sense = new CameraSense({ tracker: senseAssetUrls(), quality: 'low' });
    this.sense = sense;
    this.unsubscribes.push(
      sense.on('active', () => this.render()),
      sense.on('error', (error) => this.render(error)),
      sense.on('summary', (summary) => {
        void this.conversation.transport.send(createMessage('user.sentiment', toWireSentiment(summary)));
      }),
      sense.on('arrived', () => this.onPresence(true)),
      sense.on('left', () => this.onPresence(false)),
      sense.on('sentiment', (state) => {
        if (!state.presence) return;
        this.conversation.emotion.setCustomerMood({
          label: state.label,
          valence: state.valence,
          confidence: state.confidence,
        });
      }),
    );
    await sense.start().catch(() => undefined);
    this.button.disabled = false;
    this.render(sense.error ?? undefined);
  }

  /** Stops the camera (every track) and forgets the customer's mood. */
  stop(): void {
    for (const off of this.unsubscribes.splice(0)) off();
    this.sense?.dispose();
    this.sense = null;
    this.conversation.emotion.setCustomerMood(null);
    this.render();
  }
}
