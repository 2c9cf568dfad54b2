import { DigitalHumanError } from '@digital-human/core';

/**
 * Why face sensing could not start or had to stop:
 * - `model-missing`: the `face_landmarker.task` model could not be fetched from the configured URL (see `url`);
 * - `wasm-missing`: the MediaPipe wasm files are not served under the configured base URL (see `url`);
 * - `camera-denied`: the user or a policy refused camera access (`NotAllowedError`, `SecurityError`);
 * - `camera-unavailable`: there is no camera, it is in use, or it cannot satisfy the constraints;
 * - `unsupported`: the browser lacks what sensing needs (WebAssembly, `getUserMedia`, a secure context).
 */
export const SenseErrorCode = {
  modelMissing: 'model-missing',
  wasmMissing: 'wasm-missing',
  cameraDenied: 'camera-denied',
  cameraUnavailable: 'camera-unavailable',
  unsupported: 'unsupported',
} as const;
/** One of the {@link SenseErrorCode} values. */
export type SenseErrorCode = (typeof SenseErrorCode)[keyof typeof SenseErrorCode];

/** Extra facts attached to a {@link SenseError}. */
export interface SenseErrorDetails {
  /** The URL that could not be fetched, for `model-missing` and `wasm-missing`. */
  readonly url?: string;
  /** HTTP status of a failed response, when there was one. */
  readonly status?: number;
  /** The underlying error. */
  readonly cause?: unknown;
}

/**
 * The error every sensing failure is reported with. `message` starts with `'DigitalHuman.Sense: '`.
 * Every failure has a graceful mode: without a camera or model the app runs without sentiment.
 *
 * @example
 * ```ts
 * try { await sense.start(); } catch (e) { if (e instanceof SenseError && e.code === 'camera-denied') showNoCamera(); }
 * ```
 */
export class SenseError extends DigitalHumanError<SenseErrorCode> {
  static override readonly owner: string = 'DigitalHuman.Sense';
  override readonly name: string = 'SenseError';
  /** The missing file's URL, for `model-missing` and `wasm-missing` ('' otherwise). */
  readonly url: string;
  /** HTTP status of a failed response, when there was one. */
  readonly status: number | undefined;

  constructor(code: SenseErrorCode, message: string, details: SenseErrorDetails = {}) {
    super(code, message, details.cause === undefined ? undefined : { cause: details.cause });
    this.url = details.url ?? '';
    this.status = details.status;
  }

  /** The face model could not be fetched from `url`. */
  static modelMissing(url: string, reason: string, details: Omit<SenseErrorDetails, 'url'> = {}): SenseError {
    return new SenseError(
      SenseErrorCode.modelMissing,
      `the face model '${url}' could not be loaded (${reason}); serve face_landmarker.task from the app and set modelUrl`,
      { ...details, url },
    );
  }

  /** A MediaPipe wasm file is not served at `url`. */
  static wasmMissing(url: string, reason: string, details: Omit<SenseErrorDetails, 'url'> = {}): SenseError {
    return new SenseError(
      SenseErrorCode.wasmMissing,
      `the MediaPipe wasm file '${url}' could not be loaded (${reason}); serve the tasks-vision wasm folder and set wasmBaseUrl`,
      { ...details, url },
    );
  }

  /** Camera access was refused. */
  static cameraDenied(cause?: unknown): SenseError {
    return new SenseError(
      SenseErrorCode.cameraDenied,
      'camera access was denied; continuing without sentiment',
      {
        cause,
      },
    );
  }

  /** No usable camera. */
  static cameraUnavailable(reason: string, cause?: unknown): SenseError {
    return new SenseError(
      SenseErrorCode.cameraUnavailable,
      `no usable camera (${reason}); continuing without sentiment`,
      {
        cause,
      },
    );
  }

  /** The environment cannot run face sensing. */
  static unsupported(reason: string, cause?: unknown): SenseError {
    return new SenseError(SenseErrorCode.unsupported, `face sensing is not supported here: ${reason}`, {
      cause,
    });
  }
}
