import { DigitalHumanError } from '@digital-human/core';

/**
 * Why the `<digital-human>` element reports a `dh-error`:
 * - `avatar-load-failed`: the VRM could not be fetched or parsed (see {@link DigitalHumanElementError.detail} for
 *   the avatar's own code: `network`, `corrupt`, `not-vrm`...); the portrait and captions are shown instead;
 * - `webgl-unavailable`: no WebGL context; the portrait and captions are shown instead;
 * - `transport-unavailable`: the `transport` attribute names a transport that is not registered (e.g. `local`
 *   without the demo module);
 * - `transport-failed`: the transport could not connect or reported an error;
 * - `audio-unavailable`: no `AudioContext` could be created (speech is shown as captions only);
 * - `invalid-attribute`: an attribute has a value the element does not know (the default is used);
 * - `not-started`: `say()` before `start()`;
 * - `disposed`: a method was called after the element was removed from the page.
 */
export type DigitalHumanElementErrorCode =
  | 'avatar-load-failed'
  | 'webgl-unavailable'
  | 'transport-unavailable'
  | 'transport-failed'
  | 'audio-unavailable'
  | 'invalid-attribute'
  | 'not-started'
  | 'disposed';

/**
 * The error of the `<digital-human>` element: a core `DigitalHumanError` whose message starts with
 * `'DigitalHumanElement: '`, carried by every `dh-error` event.
 *
 * ```ts
 * el.addEventListener('dh-error', (e) => { if (e.detail.code === 'webgl-unavailable') showNotice(); });
 * ```
 */

export class DigitalHumanElementError extends DigitalHumanError<DigitalHumanElementErrorCode> {
  static override readonly owner: string = 'DigitalHumanElement';
  override readonly name: string = 'DigitalHumanElementError';
  /** A finer reason from the layer below (e.g. the avatar's `corrupt`), when there is one. */
  readonly detail: string | undefined;

  constructor(code: DigitalHumanElementErrorCode, message: string, cause?: unknown, detail?: string) {
    super(code, message, cause === undefined ? undefined : { cause });
    this.detail = detail;
  }

  /** The element was used after it was removed from the page. */
  static removed(what: string): DigitalHumanElementError {
    return new DigitalHumanElementError('disposed', `${what} was used after it was removed from the page`);
  }

  /** The avatar failed to load; `avatarCode` is the `AvatarLoadError` code. */
  static avatarLoadFailed(avatarCode: string, cause: unknown): DigitalHumanElementError {
    return new DigitalHumanElementError(
      'avatar-load-failed',
      `the avatar could not be loaded (${avatarCode}); showing the portrait`,
      cause,
      avatarCode,
    );
  }

  /** No transport is registered under `name`. */
  static transportUnavailable(name: string): DigitalHumanElementError {
    return new DigitalHumanElementError(
      'transport-unavailable',
      `no transport "${name}" is registered (the local demo transport must be registered by the page, see the README)`,
    );
  }

  /** The transport failed to connect or reported an error. */
  static transportFailed(message: string, cause?: unknown): DigitalHumanElementError {
    return new DigitalHumanElementError('transport-failed', message, cause);
  }

  /** An attribute has an unknown value; `fallback` is used instead. */
  static invalidAttribute(name: string, value: string, fallback: string): DigitalHumanElementError {
    return new DigitalHumanElementError(
      'invalid-attribute',
      `attribute ${name}="${value.slice(0, 64)}" is not supported; using "${fallback}"`,
    );
  }
}
