export { AvatarFallback, type AvatarFallbackProps } from './AvatarFallback';
export { Captions, type CaptionsProps } from './Captions';
export {
  createDigitalHumanSession,
  type DigitalHumanSession,
  type DigitalHumanSessionOptions,
} from './createDigitalHumanSession';
export { DigitalHuman, type DigitalHumanProps } from './DigitalHuman';
export { DigitalHumanAvatar, type DigitalHumanAvatarProps } from './DigitalHumanAvatar';
export {
  DigitalHumanContext,
  DigitalHumanProvider,
  type DigitalHumanProviderProps,
} from './DigitalHumanProvider';
export {
  type AvatarState,
  useAvatarState,
  useCaptions,
  useConnectionState,
  useDigitalHuman,
  useSessionState,
} from './hooks';
export { type AvatarModel, type UseAvatarModelOptions, useAvatarModel } from './useAvatarModel';
