import type { Clock, Controller, Driver, PuppetDriverOptions } from '@digital-human/core';
import type { ConnectionChange, RejectedEvent, SecurityEvent } from './LiveKitTransportEvents';
import type { OperatorFrameEvent, OperatorFramesRoom } from './OperatorFrames';
import type {
  OperatorVoicePlayerEvents,
  OperatorVoicePlayerOptions,
  OperatorVoicePlayerRoom,
} from './OperatorVoicePlayer';

/** The room a {@link PuppetLink} listens on (a livekit-client `Room`). */
export type PuppetLinkRoom = OperatorFramesRoom & OperatorVoicePlayerRoom;

/** The part of a `LiveKitTransport` a {@link PuppetLink} uses. */
export interface PuppetLinkTransport {
  /** The room while joined (or joining). */
  readonly room: PuppetLinkRoom | undefined;
  /** The context the customer's audio plays on (the operator's voice is analysed there). */
  readonly audioContext: AudioContext | undefined;
  readonly events: {
    on(event: 'connection', listener: (change: ConnectionChange) => void): () => void;
  };
}

/** The part of a `Mixer` a {@link PuppetLink} uses: the puppet comes and goes as a driver. */
export interface PuppetLinkMixer {
  addDriver(driver: Driver): () => void;
}

/** Who controls the avatar, as the session store holds it (`SessionRouter` keeps it up to date). */
export interface ControllerSource {
  getState(): { readonly controller: Controller };
  subscribe(listener: (state: { readonly controller: Controller }) => void): () => void;
}

/** Options of a {@link PuppetLink}. */
export interface PuppetLinkOptions {
  /** The face mixer: the puppet is one of its drivers while a human controls (the mixer crossfades). */
  readonly mixer: PuppetLinkMixer;
  /**
   * Follow the controller here (the session store: `SessionRouter` writes `handoff.state`, take-over and hand-back
   * into it). Without it, call {@link PuppetLink.setController}.
   */
  readonly controller?: ControllerSource;
  /** The mixer's clock, to stamp arriving frames (default: the puppet's last update time). */
  readonly clock?: Clock;
  /** The puppet's tuning (jitter buffer, hold, rates); `clock` and `fallbackMouth` are set by the link. */
  readonly puppet?: Omit<PuppetDriverOptions, 'clock' | 'fallbackMouth'>;
  /**
   * Play the operator's voice (and use its loudness as the puppet's fallback mouth): `false` to leave audio to the
   * app, or the player's options (e.g. `output` to route it into the app's own mix). Default `{}`.
   */
  readonly voice?: false | Omit<OperatorVoicePlayerOptions, 'audible'>;
  /** The context for the operator's voice (default: the transport's `audioContext` when the room is joined). */
  readonly audioContext?: AudioContext;
  /** Topic of the operator's face frames (default `Topic.face`). */
  readonly topic?: string;
}

/** The events of a {@link PuppetLink}. */
export interface PuppetLinkEvents {
  /** An operator's face frame arrived (the reused event of `OperatorFrames`: read it, never keep it). */
  frame: OperatorFrameEvent;
  /** The operator's voice started or stopped. */
  voice: OperatorVoicePlayerEvents['voice'];
  /** Frames or audio from a participant who is not an operator were dropped. */
  security: SecurityEvent;
  /** An operator's frame did not decode. */
  rejected: RejectedEvent;
  /** The puppet joined (`true`) or left (`false`) the mixer. */
  driving: { readonly driving: boolean; readonly controller: Controller };
}
