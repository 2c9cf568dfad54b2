import type {
  AvatarStatus,
  Caption,
  ConnectionState,
  Controller,
  Language,
  SessionState,
} from '@digital-human/core';
import { useContext } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { DigitalHumanSession } from './createDigitalHumanSession';
import { DigitalHumanContext } from './DigitalHumanProvider';

/** What {@link useAvatarState} returns. */
export interface AvatarState {
  readonly status: AvatarStatus;
  readonly speaking: boolean;
  readonly controller: Controller;
  readonly language: Language;
}

/**
 * The session of the nearest `DigitalHumanProvider`: its store, mixer and drivers, `setLanguage`, `setController`.
 * Throws `'DigitalHuman: hooks can only be used within a DigitalHumanProvider'` outside one.
 */
export function useDigitalHuman(): DigitalHumanSession {
  const session = useContext(DigitalHumanContext);
  if (!session) throw new Error('DigitalHuman: hooks can only be used within a DigitalHumanProvider!');
  return session;
}

/** Selects from the session store; re-renders when the selected value changes (by `Object.is`). */
export function useSessionState<T>(selector: (state: SessionState) => T): T {
  return useStore(useDigitalHuman().store, selector);
}

/** The most recent captions, oldest first. */
export function useCaptions(): readonly Caption[] {
  return useSessionState(selectCaptions);
}

/** The state of the link to the dialog service. */
export function useConnectionState(): ConnectionState {
  return useSessionState(selectConnection);
}

/** The avatar's status (loading, ready, fallback, error), whether it speaks, who drives it, and the language. */
export function useAvatarState(): AvatarState {
  return useSessionState(useShallow(selectAvatar));
}

const selectCaptions = (s: SessionState): readonly Caption[] => s.captions;
const selectConnection = (s: SessionState): ConnectionState => s.connection;
const selectAvatar = (s: SessionState): AvatarState => ({
  status: s.avatarStatus,
  speaking: s.speaking,
  controller: s.controller,
  language: s.language,
});
