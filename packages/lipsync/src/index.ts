export { Emitter } from './Emitter';
export { LipsyncError, type LipsyncErrorCode } from './LipsyncError';
export {
  type LipsyncWarning,
  type LipsyncWarningCode,
  type LipsyncWarningHandler,
  lipsyncWarning,
} from './LipsyncWarning';
export { type RawVisemeCue, type SanitizeOptions, sanitizeCues } from './sanitizeCues';
export { cue, isViseme, mergeCues, onsetsToCues, shiftCues, type VisemeCue } from './VisemeCue';
