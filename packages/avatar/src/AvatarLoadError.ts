import { DigitalHumanError } from '@digital-human/core';

/**
 * Why an avatar could not be loaded or shown:
 * - `network`: the fetch failed or the server answered with an error status (see {@link AvatarLoadError.status});
 * - `not-vrm`: a valid glTF without a `VRM` or `VRMC_vrm` extension;
 * - `corrupt`: the bytes are not a parseable glTF;
 * - `unsupported-version`: a `VRMC_vrm` spec version this SDK does not know;
 * - `too-large`: more bytes than `maxBytes`;
 * - `webgl-unavailable`: no WebGL context could be created (the view falls back to a portrait);
 * - `aborted`: the caller's `AbortSignal` fired.
 */
export type AvatarLoadErrorCode =
  | 'network'
  | 'not-vrm'
  | 'corrupt'
  | 'unsupported-version'
  | 'too-large'
  | 'webgl-unavailable'
  | 'aborted';

/** Extra facts attached to an {@link AvatarLoadError}. */
export interface AvatarLoadErrorOptions {
  /** The underlying error. */
  cause?: unknown;
  /** HTTP status, for `network` errors that got an answer. */
  status?: number;
}

/**
 * The error every avatar loading or display failure is reported with: a core `DigitalHumanError` whose
 * `message` starts with `'Avatar: '`.
 *
 * @example
 * ```ts
 * try { await loadVRM(url); } catch (e) { if (e instanceof AvatarLoadError && e.code === 'network') retry(); }
 * ```
 */
export class AvatarLoadError extends DigitalHumanError<AvatarLoadErrorCode> {
  static override readonly owner: string = 'Avatar';
  override readonly name: string = 'AvatarLoadError';
  /** HTTP status of a failed response, when there was one. */
  readonly status: number | undefined;

  constructor(code: AvatarLoadErrorCode, message: string, options: AvatarLoadErrorOptions = {}) {
    super(code, message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = options.status;
  }

  /** The caller aborted the load. */
  static loadAborted(cause?: unknown): AvatarLoadError {
    return new AvatarLoadError('aborted', 'loading was aborted', { cause });
  }

  /** The source is larger than the allowed number of bytes. */
  static tooLarge(bytes: number, maxBytes: number): AvatarLoadError {
    return new AvatarLoadError(
      'too-large',
      `the avatar has ${bytes} bytes or more, over the limit of ${maxBytes}`,
    );
  }

  /** WebGL could not be initialised. */
  static webglUnavailable(cause?: unknown): AvatarLoadError {
    return new AvatarLoadError('webgl-unavailable', 'WebGL is not available, showing the portrait fallback', {
      cause,
    });
  }
}
