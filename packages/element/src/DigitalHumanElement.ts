import { AvatarLoadError, AvatarView, type RendererFactory } from '@digital-human/avatar';
import type { Caption, SessionState } from '@digital-human/core';
import { DigitalHumanElementError } from './DigitalHumanElementError';
import { ElementSession } from './ElementSession';
import { ElementShadow } from './ElementShadow';
import type { DetailOf, DigitalHumanElementEventMap, DigitalHumanElementEventName } from './elementEvents';
import { type ElementSettings, readAttributes } from './readAttributes';
import { findTransport } from './transportRegistry';

/** A neutral silhouette for when no portrait file can be shown. */
const PLACEHOLDER = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200"><rect width="200" height="200" fill="#e8edf3"/>' +
    '<circle cx="100" cy="80" r="38" fill="#b7c3d1"/><path d="M30 200c4-46 34-72 70-72s66 26 70 72z" fill="#b7c3d1"/></svg>',
)}`;

/** `HTMLElement`, or a stand-in where there is no DOM (server rendering), so importing the module never throws. */
const ElementBase: typeof HTMLElement =
  typeof HTMLElement === 'undefined' ? (class {} as unknown as typeof HTMLElement) : HTMLElement;

/**
 * `<digital-human>`: the avatar, its voice and captions as one custom element, for H5 pages without React.
 *
 * ```html
 * <digital-human lang="zh-CN" transport="livekit" token-endpoint="/api/dh/token"></digital-human>
 * <script type="module">
 *   import { defineDigitalHumanElement } from './sdk/element.js';
 *   defineDigitalHumanElement();
 *   const dh = document.querySelector('digital-human');
 *   dh.addEventListener('dh-caption', (e) => log(e.detail.text));
 *   button.onclick = () => dh.start();
 * </script>
 * ```
 * Attributes: `avatar`, `portrait`, `transport`, `token-endpoint`, `flow`, `lang`, `quality`. Events: see
 * {@link DigitalHumanElementEventMap}. Methods never throw: failures are `dh-error` events and a `false` result.
 * Removing the element from the page disposes everything it allocated.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface below adds typed event overloads only.
export class DigitalHumanElement extends ElementBase {
  /** Attributes whose changes apply at once (the others are read by `start()`). */
  static readonly observedAttributes: readonly string[] = ['avatar', 'portrait', 'lang', 'quality'];
  // `transport`, `token-endpoint` and `flow` are read by each `start()`.
  /** Replaces the WebGL renderer factory (tests, custom setups); set before the element is added to the page. */
  createRenderer: RendererFactory | undefined;
  /** Facts about the customer from the host app, sent with the token request on `start()`. */
  userContext: Readonly<Record<string, string | number | boolean>> = {};

  private shadow: ElementShadow | null = null;
  private session: ElementSession | null = null;
  private avatarView: AvatarView | null = null;
  private settings: ElementSettings | null = null;
  private offs: Array<() => void> = [];

  /** The avatar view (3D renderer), or null before connection, in fallback mode after dispose. */
  get view(): AvatarView | null {
    return this.avatarView;
  }

  /** The session state (captions, connection, speaking, language), or null when not on a page. */
  get state(): SessionState | null {
    return this.session?.store.getState() ?? null;
  }

  /** True while the element is on a page (it allocates on connection and disposes on removal). */
  get active(): boolean {
    return this.session !== null;
  }

  connectedCallback(): void {
    if (this.session) return;
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    this.shadow = new ElementShadow(root, PLACEHOLDER);
    this.settings = readAttributes(this, (e) => this.fail(e));
    this.shadow.setLanguage(this.settings.language);
    const session = new ElementSession(this.settings.language);
    this.session = session;
    this.offs = [
      session.store.subscribe((state, previous) => this.onStore(state, previous)),
      session.events.on('error', (e) => this.fail(e)),
      session.events.on('handoffrequested', (d) => this.emit('dh-handoff-requested', d)),
      session.events.on('flowcompleted', (d) => this.emit('dh-flow-completed', d)),
    ];
    this.createView();
  }

  disconnectedCallback(): void {
    void this.dispose();
  }

  attributeChangedCallback(name: string, previous: string | null, value: string | null): void {
    if (!this.session || previous === value) return;
    this.settings = readAttributes(this, (e) => this.fail(e));
    if (name === 'lang') {
      this.shadow?.setLanguage(this.settings.language);
      void this.session.setLanguage(this.settings.language).catch((e: unknown) => this.fail(e));
    } else {
      this.createView();
    }
  }

  /**
   * Connects to the dialog service with the `transport` attribute's transport, greets, and opens the `flow`.
   * Call it from a user gesture (a tap), so the voice may play. Resolves true when connected.
   */
  async start(): Promise<boolean> {
    const session = this.session;
    if (!session) return this.failed(DigitalHumanElementError.removed('start()'));
    // transport, token-endpoint and flow are read now (attribute problems were reported when they were set).
    const settings = readAttributes(this, () => undefined);
    const factory = findTransport(settings.transport);
    if (!factory) return this.failed(DigitalHumanElementError.transportUnavailable(settings.transport));
    const { tokenEndpoint, flow } = settings;
    return session.start({ factory, tokenEndpoint, flow, userContext: this.userContext }).then(
      () => true,
      (e: unknown) => this.failed(e),
    );
  }

  /** Disconnects from the dialog service; the avatar stays. Resolves true when stopped. */
  async stop(): Promise<boolean> {
    if (!this.session) return false;
    return this.session.stop().then(
      () => true,
      (e: unknown) => this.failed(e),
    );
  }

  /** Sends what the customer typed (shown at once as their caption). Resolves true once the service has it. */
  async say(text: string): Promise<boolean> {
    if (!this.session) return this.failed(DigitalHumanElementError.removed('say()'));
    return this.session.say(text).then(
      () => true,
      (e: unknown) => this.failed(e),
    );
  }

  /** Same as {@link DigitalHumanElement.say}. */
  sendText(text: string): Promise<boolean> {
    return this.say(text);
  }

  /** Mutes (default) or unmutes the avatar's voice; the mouth pauses with it. */
  async mute(muted = true): Promise<boolean> {
    if (!this.session) return false;
    return this.session.setMuted(muted).then(
      () => true,
      (e: unknown) => this.failed(e),
    );
  }

  /** Whether the voice is muted. */
  get muted(): boolean {
    return this.session?.isMuted ?? false;
  }

  /** Frees the renderer, the model, the audio and the transport; called when the element leaves the page. */
  async dispose(): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.session = null;
    for (const off of this.offs.splice(0)) off();
    this.avatarView?.dispose();
    this.avatarView = null;
    this.shadow?.dispose();
    this.shadow = null;
    await session.dispose();
  }

  private createView(): void {
    const shadow = this.shadow;
    const session = this.session;
    const settings = this.settings;
    if (!shadow || !session || !settings) return;
    this.avatarView?.dispose();
    shadow.showStage();
    const view = new AvatarView({
      container: shadow.stage,
      frameSource: session.mixer,
      quality: settings.quality,
      portraitUrl: settings.portrait,
      ...(this.createRenderer ? { createRenderer: this.createRenderer } : {}),
    });
    this.avatarView = view;
    session.store.getState().setAvatarStatus('loading');
    if (view.mode === 'fallback') {
      this.showFallback('fallback', view.fallbackError ?? AvatarLoadError.webglUnavailable());
      return;
    }
    view.load(settings.avatar).then(
      () => {
        if (this.avatarView !== view) return;
        session.store.getState().setAvatarStatus('ready');
        this.emit('dh-ready', { mode: 'webgl' });
      },
      (error: unknown) => {
        if (this.avatarView === view) this.showFallback('error', error);
      },
    );
  }

  private showFallback(status: 'fallback' | 'error', cause: unknown): void {
    const settings = this.settings;
    if (!settings || !this.session) return;
    this.session.store.getState().setAvatarStatus(status);
    this.shadow?.showFallback(settings.portrait);
    const code = cause instanceof AvatarLoadError ? cause.code : 'corrupt';
    const error =
      code === 'webgl-unavailable'
        ? new DigitalHumanElementError(
            'webgl-unavailable',
            'WebGL is not available; showing the portrait',
            cause,
          )
        : DigitalHumanElementError.avatarLoadFailed(code, cause);
    // After the element's constructor returns, so listeners added right after insertion hear both.
    queueMicrotask(() => {
      this.fail(error);
      this.emit('dh-ready', { mode: 'fallback' });
    });
  }

  private onStore(state: SessionState, previous: SessionState): void {
    if (state.captions !== previous.captions) {
      this.shadow?.renderCaptions(state.captions);
      const changed = lastChanged(state.captions, previous.captions);
      if (changed) this.emit('dh-caption', { ...changed });
    }
    if (state.connection !== previous.connection) this.emit('dh-connection', { state: state.connection });
  }

  private failed(error: unknown): false {
    this.fail(error);
    return false;
  }

  private fail(error: unknown): void {
    const typed =
      error instanceof DigitalHumanElementError
        ? error
        : DigitalHumanElementError.transportFailed(
            error instanceof Error ? error.message : String(error),
            error,
          );
    const { code, message, detail } = typed;
    this.emit('dh-error', { code, message, detail, error: typed });
  }

  private emit<K extends DigitalHumanElementEventName>(type: K, detail: DetailOf<K>): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

/** The caption that was added or changed between two caption lists (newest first), or undefined. */
function lastChanged(now: readonly Caption[], before: readonly Caption[]): Caption | undefined {
  for (let i = now.length - 1; i >= 0; i--) {
    const caption = now[i]!;
    if (!before.includes(caption)) return caption;
  }
  return undefined;
}

/** Typed `addEventListener` for the element's `dh-*` events (merged into the class's type). */
export interface DigitalHumanElement {
  addEventListener<K extends keyof DigitalHumanElementEventMap>(
    type: K,
    listener: (this: DigitalHumanElement, event: DigitalHumanElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof DigitalHumanElementEventMap>(
    type: K,
    listener: (this: DigitalHumanElement, event: DigitalHumanElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}
