import { DigitalHumanError } from '@digital-human/core';

/**
 * Why a host message was refused (each is reported to the host as an `error` message, never thrown):
 * - `malformed`: not JSON, or not an object with a string `type`;
 * - `too-large`: over {@link MAX_HOST_MESSAGE_CHARS} characters;
 * - `unsupported-version`: `v` is not a version this page speaks (see `payload.supported`);
 * - `unknown-type`: a `type` the contract does not define;
 * - `invalid-payload`: the payload does not match the type's shape or limits;
 * - `not-ready`: the element is not on the page yet (send after the page's `ready`).
 */
export type WebViewBridgeErrorCode =
  | 'malformed'
  | 'too-large'
  | 'unsupported-version'
  | 'unknown-type'
  | 'invalid-payload'
  | 'not-ready';

/** A host → page message the bridge refused; its message starts with `'WebViewBridge: '`. */
export class WebViewBridgeError extends DigitalHumanError<WebViewBridgeErrorCode> {
  static override readonly owner: string = 'WebViewBridge';
  override readonly name: string = 'WebViewBridgeError';
  /** The refused message's `id`, when it had a readable one (so the host can match the error to its request). */
  readonly replyTo: string | undefined;

  constructor(code: WebViewBridgeErrorCode, message: string, replyTo?: string, cause?: unknown) {
    super(code, message, cause === undefined ? undefined : { cause });
    this.replyTo = replyTo;
  }

  /** The message is not JSON or not an object with a string `type`. */
  static malformed(message: string, cause?: unknown): WebViewBridgeError {
    return new WebViewBridgeError('malformed', message, undefined, cause);
  }

  /** The message is larger than allowed. */
  static tooLarge(chars: number, max: number): WebViewBridgeError {
    return new WebViewBridgeError(
      'too-large',
      `the message has ${chars} characters, over the limit of ${max}`,
    );
  }

  /** The message speaks a version this page does not. */
  static unsupportedVersion(version: unknown, supported: number, replyTo?: string): WebViewBridgeError {
    const shown = JSON.stringify(version) ?? 'undefined';
    return new WebViewBridgeError(
      'unsupported-version',
      `bridge version ${shown.slice(0, 16)} is not supported (this page speaks ${supported})`,
      replyTo,
    );
  }

  /** The message's type is not part of the contract. */
  static unknownType(type: string, replyTo?: string): WebViewBridgeError {
    return new WebViewBridgeError('unknown-type', `unknown message type "${type.slice(0, 40)}"`, replyTo);
  }

  /** The element cannot take messages yet (not defined or not on the page). */
  static notReady(type: string, replyTo?: string): WebViewBridgeError {
    return new WebViewBridgeError(
      'not-ready',
      `${type}: the element is not ready; wait for "ready"`,
      replyTo,
    );
  }

  /** The payload does not match the type. */
  static invalidPayload(type: string, why: string, replyTo?: string): WebViewBridgeError {
    return new WebViewBridgeError('invalid-payload', `${type}: ${why}`, replyTo);
  }
}
