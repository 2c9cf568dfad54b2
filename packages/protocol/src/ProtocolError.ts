/** Why a message was refused. Every decoder failure carries exactly one of these codes. */
export const ProtocolErrorCode = {
  /** Not JSON, not UTF-8, nested too deep, not an object, or a broken binary frame. */
  malformed: 'malformed',
  /** Over the reliable-message budget (15 KiB): large payloads must go as streams. */
  tooLarge: 'too-large',
  /** The sender speaks a protocol major version this build does not understand. */
  versionUnsupported: 'version-unsupported',
  /** The sender's role may not send this message type. */
  forbiddenSender: 'forbidden-sender',
  /** A message type this build does not know. */
  unknownType: 'unknown-type',
  /** A known type whose fields fail validation. */
  invalid: 'invalid',
} as const;
/** One of the {@link ProtocolErrorCode} values. */
export type ProtocolErrorCode = (typeof ProtocolErrorCode)[keyof typeof ProtocolErrorCode];

/** Extra facts attached to a {@link ProtocolError}. */
export interface ProtocolErrorDetails {
  /** Dotted path of the offending field, for 'invalid'. */
  readonly path?: string;
  /** The remote protocol version string, for 'version-unsupported'. */
  readonly remoteVersion?: string;
  /** The message type, when it could be read. */
  readonly messageType?: string;
  /** Size in bytes, for 'too-large'. */
  readonly size?: number;
  /** The underlying error (e.g. from JSON.parse). */
  readonly cause?: unknown;
}

/**
 * A typed wire-protocol failure. `decode` returns these (it never throws); `encode` throws them.
 * Build them with the static factories so messages stay uniform and prefixed with the owner.
 */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
  /** Machine-readable reason. */
  readonly code: ProtocolErrorCode;
  /** Field path for 'invalid' errors ('' when not applicable). */
  readonly path: string;
  /** Remote version for 'version-unsupported' errors. */
  readonly remoteVersion: string | undefined;
  /** Message type, when known. */
  readonly messageType: string | undefined;
  /** Size in bytes for 'too-large' errors. */
  readonly size: number | undefined;

  constructor(code: ProtocolErrorCode, reason: string, details: ProtocolErrorDetails = {}) {
    super(
      `DigitalHuman protocol: ${reason}`,
      details.cause === undefined ? undefined : { cause: details.cause },
    );
    this.code = code;
    this.path = details.path ?? '';
    this.remoteVersion = details.remoteVersion;
    this.messageType = details.messageType;
    this.size = details.size;
  }

  /** True when the remote side needs a newer SDK (or we do): the transport should raise 'upgrade-needed'. */
  get upgradeNeeded(): boolean {
    return this.code === ProtocolErrorCode.versionUnsupported;
  }

  /** Not parseable as a protocol message. */
  static malformed(reason: string, cause?: unknown): ProtocolError {
    return new ProtocolError(ProtocolErrorCode.malformed, `malformed message: ${reason}`, { cause });
  }

  /** Over the reliable-message byte budget. */
  static tooLarge(size: number, limit: number, messageType?: string): ProtocolError {
    const what = messageType ? `'${messageType}' ` : '';
    return new ProtocolError(
      ProtocolErrorCode.tooLarge,
      `message ${what}is ${size} bytes, over the ${limit}-byte limit for reliable messages; send large payloads as a stream`,
      messageType === undefined ? { size } : { size, messageType },
    );
  }

  /** The remote protocol major version is not supported. */
  static versionUnsupported(remoteVersion: string, localVersion: string): ProtocolError {
    return new ProtocolError(
      ProtocolErrorCode.versionUnsupported,
      `protocol version ${remoteVersion} is not supported by this build (${localVersion}); upgrade needed`,
      { remoteVersion },
    );
  }

  /** The sender's role may not send this message type. */
  static forbiddenSender(role: string | null, messageType: string): ProtocolError {
    return new ProtocolError(
      ProtocolErrorCode.forbiddenSender,
      `a sender with role '${role ?? 'none'}' may not send '${messageType}'`,
      { messageType },
    );
  }

  /** Unknown message type. */
  static unknownType(messageType: string): ProtocolError {
    return new ProtocolError(ProtocolErrorCode.unknownType, `unknown message type '${messageType}'`, {
      messageType,
    });
  }

  /** A field failed validation. */
  static invalid(messageType: string, path: string, issue: string): ProtocolError {
    return new ProtocolError(
      ProtocolErrorCode.invalid,
      `invalid '${messageType}' at '${path || '.'}': ${issue}`,
      {
        messageType,
        path,
      },
    );
  }
}
