import type { DigitalHumanElement } from '../DigitalHumanElement';
import type { DetailOf, DigitalHumanElementEventName } from '../elementEvents';
import {
  BRIDGE_VERSION,
  HOST_MESSAGE_TYPES,
  type HostMessage,
  type PageMessage,
  parseHostMessage,
} from './bridgeProtocol';
import { findHostChannel, type HostChannel, type HostChannelNames } from './hostChannel';
import { WebViewBridgeError } from './WebViewBridgeError';

/** Options of a {@link WebViewBridge}. */
export interface WebViewBridgeOptions extends HostChannelNames {
  /** The global the host calls with `evaluateJavascript` (default `DigitalHumanBridge`). */
  readonly receiverName?: string;
  /** Where messages go; default: the iOS handler or Android interface found on `window`. */
  readonly channel?: HostChannel;
}

/** The global object the host calls: `window.DigitalHumanBridge.receive('{"v":1,"type":"start"}')`. */
export interface BridgeReceiver {
  /** The contract version this page speaks. */
  readonly version: number;
  /** Takes one host message (JSON text or object); true when accepted. Never throws. */
  receive(message: unknown): boolean;
}

/**
 * Connects a `<digital-human>` element to a native host app (iOS WKWebView, Android WebView) through the
 * versioned contract of `bridgeProtocol.ts`: the host's `start`/`stop`/`setUserContext`/`mute`/`language` drive the
 * element; the element's ready, errors, handoff requests, completed flows and analytics go to the host as JSON
 * text. Every host message is validated; a refused one comes back as an `error` message, never as a throw.
 *
 * ```js
 * import { WebViewBridge } from './sdk/webview.js';
 * const bridge = new WebViewBridge(document.querySelector('digital-human'));
 * ```
 */
export class WebViewBridge {
  /** Where page → host messages go. */
  readonly channel: HostChannel;
  private readonly receiverName: string;
  private readonly receiver: BridgeReceiver;
  private readonly listeners: Array<() => void> = [];
  private disposed = false;

  constructor(
    private readonly element: DigitalHumanElement,
    options: WebViewBridgeOptions = {},
  ) {
    this.channel = options.channel ?? findHostChannel(globalThis, options);
    this.receiverName = options.receiverName ?? 'DigitalHumanBridge';
    this.receiver = { version: BRIDGE_VERSION, receive: (m) => this.receive(m) };
    (globalThis as Record<string, unknown>)[this.receiverName] = this.receiver;
    this.listen();
    const status = element.state?.avatarStatus;
    if (status === 'ready') this.sendReady('webgl');
    else if (status === 'fallback' || status === 'error') this.sendReady('fallback');
  }

  /** Handles one host message (what the global receiver calls); true when it was accepted. Never throws. */
  receive(raw: unknown): boolean {
    if (this.disposed) return false;
    const parsed = parseHostMessage(raw);
    if (!parsed.ok) {
      this.sendBridgeError(parsed.error);
      return false;
    }
    const { message } = parsed;
    // Before the element is defined and on the page its methods are missing: refuse rather than throw.
    if (this.element.active !== true) {
      this.sendBridgeError(WebViewBridgeError.notReady(message.type, message.id));
      return false;
    }
    this.apply(message);
    return true;
  }

  /** Posts one page → host message. */
  post(message: PageMessage): void {
    if (!this.disposed) this.channel.post(JSON.stringify(message));
  }

  /** Stops listening and removes the global receiver (if it is still this bridge's). */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const off of this.listeners.splice(0)) off();
    const scope = globalThis as Record<string, unknown>;
    if (scope[this.receiverName] === this.receiver) delete scope[this.receiverName];
  }

  private apply(message: HostMessage): void {
    const el = this.element;
    switch (message.type) {
      case 'start':
        if (message.payload.flow) el.setAttribute('flow', message.payload.flow);
        void el.start().then((ok) => ok && this.analytics('started', {}));
        return;
      case 'stop':
        void el.stop().then((ok) => ok && this.analytics('stopped', {}));
        return;
      case 'setUserContext':
        el.userContext = message.payload;
        this.analytics('user_context', { keys: Object.keys(message.payload).length });
        return;
      case 'mute':
        void el.mute(message.payload.muted).then((ok) => ok && this.analytics('muted', message.payload));
        return;
      case 'language':
        el.setAttribute('lang', message.payload.lang);
        this.analytics('language', message.payload);
    }
  }

  private listen(): void {
    this.on('dh-ready', (d) => this.sendReady(d.mode));
    this.on('dh-error', (d) =>
      this.post({ v: 1, type: 'error', payload: { source: 'element', code: d.code, message: d.message } }),
    );
    this.on('dh-handoff-requested', (d) =>
      this.post({
        v: 1,
        type: 'handoffRequested',
        payload: { reason: d.reason, ...(d.flow ? { flow: d.flow } : {}) },
      }),
    );
    this.on('dh-flow-completed', (d) =>
      this.post({ v: 1, type: 'flowCompleted', payload: { flow: d.flow } }),
    );
    this.on('dh-connection', (d) => this.analytics('connection', { state: d.state }));
  }

  private on<K extends DigitalHumanElementEventName>(type: K, fn: (detail: DetailOf<K>) => void): void {
    const listener = (event: Event) => fn((event as CustomEvent<DetailOf<K>>).detail);
    this.element.addEventListener(type, listener);
    this.listeners.push(() => this.element.removeEventListener(type, listener));
  }

  private sendReady(mode: 'webgl' | 'fallback'): void {
    this.post({ v: 1, type: 'ready', payload: { mode, accepts: HOST_MESSAGE_TYPES } });
  }

  private sendBridgeError(error: WebViewBridgeError): void {
    const { code, message, replyTo } = error;
    const payload = { source: 'bridge' as const, code, message, ...(replyTo ? { replyTo } : {}) };
    this.post({ v: 1, type: 'error', payload });
  }

  private analytics(event: string, props: Readonly<Record<string, string | number | boolean>>): void {
    this.post({ v: 1, type: 'analytics', payload: { event, props } });
  }
}
