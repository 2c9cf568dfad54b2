/** Where page → host messages go. */
export interface HostChannel {
  /** `ios` (WKWebView script message handler), `android` (`addJavascriptInterface` object), `custom` or `none`. */
  readonly kind: 'ios' | 'android' | 'custom' | 'none';
  /** Posts one JSON text to the host; never throws. */
  post(json: string): void;
}

/** Names the host app registers. */
export interface HostChannelNames {
  /** iOS: `window.webkit.messageHandlers.<iosHandler>` (default `dh`). */
  readonly iosHandler?: string;
  /** Android: `window.<androidInterface>.postMessage(String)` (default `DigitalHumanHost`). */
  readonly androidInterface?: string;
}

interface PostTarget {
  postMessage(message: string): unknown;
}

const hasPost = (value: unknown): value is PostTarget =>
  (typeof value === 'object' || typeof value === 'function') &&
  value !== null &&
  typeof (value as { postMessage?: unknown }).postMessage === 'function';

/**
 * Finds the native host: the iOS script message handler first, then the Android JavaScript interface; `none` in a
 * plain browser (messages are dropped). Read on every post, so a host that injects its object late is found.
 */
export function findHostChannel(scope: object = globalThis, names: HostChannelNames = {}): HostChannel {
  const ios = names.iosHandler ?? 'dh';
  const android = names.androidInterface ?? 'DigitalHumanHost';
  const lookup = (): { kind: HostChannel['kind']; target: PostTarget | undefined } => {
    const handlers = (scope as { webkit?: { messageHandlers?: Record<string, unknown> } }).webkit
      ?.messageHandlers;
    const handler = handlers?.[ios];
    if (hasPost(handler)) return { kind: 'ios', target: handler };
    const bridge = (scope as Record<string, unknown>)[android];
    if (hasPost(bridge)) return { kind: 'android', target: bridge };
    return { kind: 'none', target: undefined };
  };
  return {
    get kind() {
      return lookup().kind;
    },
    post(json: string) {
      const { target } = lookup();
      try {
        target?.postMessage(json);
      } catch {
        // A host that throws while receiving must not break the page; there is no one left to tell.
      }
    },
  };
}
