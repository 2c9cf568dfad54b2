import { createContext, type ReactNode, useEffect, useRef, useState } from 'react';
import {
  createDigitalHumanSession,
  type DigitalHumanSession,
  type DigitalHumanSessionOptions,
} from './createDigitalHumanSession';

/** The React context holding the current {@link DigitalHumanSession} (null outside a provider). */
export const DigitalHumanContext = createContext<DigitalHumanSession | null>(null);

/** Props of {@link DigitalHumanProvider}. */
export interface DigitalHumanProviderProps {
  /**
   * A session created by the app (e.g. shared with a transport created outside React). It is not disposed on
   * unmount. Without it, the provider creates one from `options` and disposes it on unmount.
   */
  session?: DigitalHumanSession;
  /** Options of the session the provider creates (read once, on mount). */
  options?: DigitalHumanSessionOptions;
  children?: ReactNode;
}

/**
 * Holds one digital-human session for the components and hooks below it: `<DigitalHuman/>`,
 * `useDigitalHuman()`, `useCaptions()`, `useConnectionState()`, `useAvatarState()`.
 *
 * ```tsx
 * <DigitalHumanProvider options={{ storeOptions: { initial: { language: 'en' } } }}>
 *   <DigitalHuman src={avatarUrl} portrait={thumbnailUrl} />
 * </DigitalHumanProvider>
 * ```
 */
export function DigitalHumanProvider({ session, options, children }: DigitalHumanProviderProps): ReactNode {
  const optionsRef = useRef(options);
  const [owned, setOwned] = useState<DigitalHumanSession | null>(() =>
    session ? null : createDigitalHumanSession(options),
  );
  useEffect(() => {
    if (session) return;
    // React's StrictMode runs effects twice: the first cleanup disposed the session, so make a fresh one.
    if (!owned || owned.disposed) {
      setOwned(createDigitalHumanSession(optionsRef.current));
      return;
    }
    return () => owned.dispose();
  }, [session, owned]);
  const value = session ?? owned;
  return <DigitalHumanContext.Provider value={value}>{children}</DigitalHumanContext.Provider>;
}
