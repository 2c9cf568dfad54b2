import type { AvatarQuality } from '@digital-human/avatar';
import type { Language } from '@digital-human/core';
import { DigitalHumanElementError } from './DigitalHumanElementError';

/** The element's settings, read from its attributes. */
export interface ElementSettings {
  /** VRM URL (`avatar`); default: `assistant.vrm` next to the element's module. */
  readonly avatar: string;
  /** Portrait URL (`portrait`) for the fallback; default: `thumbnail.png` next to the element's module. */
  readonly portrait: string;
  /** `transport`: a registered name; default `livekit` with a `token-endpoint`, else `local`. */
  readonly transport: string;
  readonly tokenEndpoint: string | undefined;
  /** `flow`: a business flow to open on start (e.g. `card_application`). */
  readonly flow: string | undefined;
  /** `lang`: `zh-CN` (default) or `en`. */
  readonly language: Language;
  /** `quality`: `auto` (default), `low`, `medium`, `high`. */
  readonly quality: AvatarQuality;
}

const QUALITIES: readonly AvatarQuality[] = ['auto', 'low', 'medium', 'high'];
const DEFAULT_AVATAR_FILE = 'assistant.vrm';
const DEFAULT_PORTRAIT_FILE = 'thumbnail.png';

/** A file that ships next to the element's module (resolved at run time, so no bundler is needed). */
function besideModule(file: string): string {
  return new URL(file, import.meta.url).href;
}

/** The default avatar URL: the project's avatar, `assistant.vrm`, served next to the element's module. */
export const defaultAvatarUrl = (): string => besideModule(DEFAULT_AVATAR_FILE);
/** The default portrait URL: `thumbnail.png`, served next to the element's module. */
export const defaultPortraitUrl = (): string => besideModule(DEFAULT_PORTRAIT_FILE);

/**
 * Reads the element's attributes; unknown values fall back to the defaults and are reported through `warn` (the
 * element turns them into `dh-error` events with code `invalid-attribute`).
 */
export function readAttributes(
  el: Element,
  warn: (error: DigitalHumanElementError) => void,
): ElementSettings {
  const tokenEndpoint = el.getAttribute('token-endpoint') ?? undefined;
  const flow = el.getAttribute('flow') ?? undefined;
  return {
    avatar: el.getAttribute('avatar') || defaultAvatarUrl(),
    portrait: el.getAttribute('portrait') || defaultPortraitUrl(),
    transport: el.getAttribute('transport') || (tokenEndpoint ? 'livekit' : 'local'),
    tokenEndpoint: tokenEndpoint || undefined,
    flow: flow || undefined,
    language: readLanguage(el.getAttribute('lang'), warn),
    quality: readQuality(el.getAttribute('quality'), warn),
  };
}

function readLanguage(value: string | null, warn: (error: DigitalHumanElementError) => void): Language {
  if (value === null || value === '' || value === 'zh-CN' || value === 'zh') return 'zh-CN';
  if (value === 'en' || value.startsWith('en-')) return 'en';
  warn(DigitalHumanElementError.invalidAttribute('lang', value, 'zh-CN'));
  return 'zh-CN';
}

function readQuality(value: string | null, warn: (error: DigitalHumanElementError) => void): AvatarQuality {
  if (value === null || value === '') return 'auto';
  if ((QUALITIES as readonly string[]).includes(value)) return value as AvatarQuality;
  warn(DigitalHumanElementError.invalidAttribute('quality', value, 'auto'));
  return 'auto';
}
