import { type Controller, Emitter, PuppetDriver } from '@digital-human/core';
import type { ConnectionChange } from './LiveKitTransportEvents';
import { OperatorFrames } from './OperatorFrames';
import { OperatorVoicePlayer } from './OperatorVoicePlayer';
import type {
  PuppetLinkEvents,
  PuppetLinkOptions,
  PuppetLinkRoom,
  PuppetLinkTransport,
} from './PuppetLinkOptions';

/**
 * The customer's side of a handoff to a human operator ("puppeteer"), on a LiveKit transport: the operator's face
 * frames (`OperatorFrames`, operator role only) go into a `PuppetDriver`, which joins the mixer only while the
 * controller is `human` (the mixer crossfades to it and back); the operator's voice (`OperatorVoicePlayer`) is heard
 * only then, and its loudness is the puppet's fallback mouth when the face data drops out.
 *
 * Frames are buffered even while the AI controls, so at the switch the puppet already holds the operator's last
 * ~100 ms and drives the very next rendered frame. The link follows the transport: it binds to the room when
 * one is joined and lets go on `disconnected` (the puppet leaves the mixer); {@link dispose} lets go for good.
 *
 * ```ts
 * const link = new PuppetLink(transport, { mixer, controller: store, clock });
 * ```
 */
export class PuppetLink extends Emitter<PuppetLinkEvents> {
  private readonly transport: PuppetLinkTransport;
  private readonly options: PuppetLinkOptions;
  private readonly offs: (() => void)[];
  private current: Controller;
  private room: PuppetLinkRoom | null = null;
  private frames: OperatorFrames | null = null;
  private player: OperatorVoicePlayer | null = null;
  private driver: PuppetDriver | null = null;
  private removeFromMixer: (() => void) | null = null;
  private disposed = false;

  constructor(transport: PuppetLinkTransport, options: PuppetLinkOptions) {
    super();
    this.transport = transport;
    this.options = options;
    this.current = options.controller?.getState().controller ?? 'ai';
    this.offs = [transport.events.on('connection', (change) => this.onConnection(change))];
    const source = options.controller;
    if (source) this.offs.push(source.subscribe((state) => this.setController(state.controller)));
    this.bind(transport.room);
  }

  /** Who controls the avatar, as the link last heard. */
  get controller(): Controller {
    return this.current;
  }

  /** The puppet of the joined room (null while not joined). */
  get puppet(): PuppetDriver | null {
    return this.driver;
  }

  /** The operator's voice player of the joined room (null while not joined, or with `voice: false`). */
  get voice(): OperatorVoicePlayer | null {
    return this.player;
  }

  /** True while the puppet is one of the mixer's drivers (a human controls and a room is joined). */
  get driving(): boolean {
    return this.removeFromMixer !== null;
  }

  /** Sets the controller: `human` adds the puppet to the mixer and lets the voice be heard, `ai` undoes both. */
  setController(controller: Controller): void {
    if (this.disposed || controller === this.current) return;
    this.current = controller;
    this.apply();
  }

  /** Takes the puppet out of the mixer, stops listening to the room and removes all listeners. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const off of this.offs) off();
    this.unbind();
    this.removeAllListeners();
  }

  private onConnection(change: ConnectionChange): void {
    if (change.state === 'disconnected') this.unbind();
    else if (this.transport.room !== this.room) {
      this.unbind();
      this.bind(this.transport.room);
    }
  }

  private bind(room: PuppetLinkRoom | undefined): void {
    if (!room || this.disposed) return;
    const { clock, puppet, topic } = this.options;
    this.room = room;
    const frames = new OperatorFrames(room, { receiveOnly: true, ...(topic !== undefined && { topic }) });
    const player = this.createPlayer(room);
    const driver = new PuppetDriver({
      ...puppet,
      ...(clock && { clock }),
      ...(player && { fallbackMouth: player.lipsync }),
    });
    frames.on('frame', (e) => {
      driver.push(e.frame);
      this.emit('frame', e);
    });
    frames.on('security', (e) => this.emit('security', e));
    frames.on('rejected', (e) => this.emit('rejected', e));
    player?.on('voice', (e) => this.emit('voice', e));
    player?.on('security', (e) => this.emit('security', e));
    this.frames = frames;
    this.player = player;
    this.driver = driver;
    this.apply();
  }

  private createPlayer(room: PuppetLinkRoom): OperatorVoicePlayer | null {
    const { voice = {} } = this.options;
    const context = this.options.audioContext ?? this.transport.audioContext;
    if (voice === false || !context) return null;
    return new OperatorVoicePlayer(room, context, { ...voice, audible: this.current === 'human' });
  }

  private unbind(): void {
    if (!this.room) return;
    this.release();
    this.frames?.dispose();
    this.player?.dispose();
    this.driver?.dispose();
    this.room = null;
    this.frames = null;
    this.player = null;
    this.driver = null;
  }

  private apply(): void {
    const human = this.current === 'human';
    this.player?.setAudible(human);
    if (!human) {
      this.release();
      return;
    }
    if (this.removeFromMixer || !this.driver) return;
    this.removeFromMixer = this.options.mixer.addDriver(this.driver);
    this.emit('driving', { driving: true, controller: this.current });
  }

  /** The puppet stops claiming channels and leaves the mixer, which crossfades to the AI's drivers. */
  private release(): void {
    const remove = this.removeFromMixer;
    if (!remove) return;
    this.removeFromMixer = null;
    this.driver?.stop();
    remove();
    this.emit('driving', { driving: false, controller: this.current });
  }
}
