import type { Language, Mixer, SessionStore } from '@digital-human/core';
import type { Transport } from '@digital-human/protocol';

/** What a transport factory gets from the element when `start()` runs. */
export interface TransportContext {
  /** The context speech must play on (its clock times the visemes). Created by the element from a user gesture. */
  readonly audioContext: AudioContext;
  /** The conversation's language (`lang` attribute). */
  readonly language: Language;
  /** The `token-endpoint` attribute (LiveKit), if any. */
  readonly tokenEndpoint: string | undefined;
  /** Facts the host app gave about the customer (WebView `setUserContext`), sent along with the token request. */
  readonly userContext: Readonly<Record<string, string | number | boolean>>;
  /** The face mixer the avatar reads (a transport that carries a human operator adds its puppet here). */
  readonly mixer: Mixer;
  /** The session store (`controller` says whether the AI or a human operator drives the avatar). */
  readonly store: SessionStore;
}

/** Creates a transport for one conversation; may load its code lazily. */
export type TransportFactory = (context: TransportContext) => Transport | Promise<Transport>;

const factories = new Map<string, TransportFactory>();

/**
 * Registers a transport the `transport` attribute can name; returns the function that unregisters it. `livekit`
 * is built in (loaded lazily on `start()`); `local` — the reference dialog engine running in the page — is a
 * dev/demo choice (it includes a GPL synthesiser), so the page registers it itself:
 *
 * ```ts
 * import { LocalTransport } from '@digital-human/dialog/local';
 * registerTransport('local', ({ audioContext, language }) => new LocalTransport({ audioContext, language }));
 * ```
 */
export function registerTransport(name: string, factory: TransportFactory): () => void {
  factories.set(name, factory);
  return () => {
    if (factories.get(name) === factory) factories.delete(name);
  };
}

/** The factory registered (or built in) under `name`, or undefined. */
export function findTransport(name: string): TransportFactory | undefined {
  return factories.get(name) ?? BUILT_IN[name];
}

/** Built-in transports, imported only when used so the element's first load stays small. */
const BUILT_IN: Readonly<Record<string, TransportFactory>> = {
  livekit: async (context) => {
    const { createLiveKitTransport } = await import('./createLiveKitTransport');
    return createLiveKitTransport(context);
  },
};
