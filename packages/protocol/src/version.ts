/** The protocol version this build speaks: `major.minor`. A major change breaks; a minor one only adds optional fields or types. */
export const PROTOCOL_VERSION = '1.0';
/** Major part of {@link PROTOCOL_VERSION}. */
export const PROTOCOL_MAJOR = 1;
/** Minor part of {@link PROTOCOL_VERSION}. */
export const PROTOCOL_MINOR = 0;

/** A parsed protocol version. */
export interface ProtocolVersion {
  readonly major: number;
  readonly minor: number;
}

const VERSION_PATTERN = /^(\d{1,3})\.(\d{1,3})$/;

/** Parses `'major.minor'`; returns null when the string is not a version. */
export function parseVersion(value: unknown): ProtocolVersion | null {
  if (typeof value !== 'string') return null;
  const m = VERSION_PATTERN.exec(value);
  if (!m) return null;
  return { major: Number(m[1]), minor: Number(m[2]) };
}

/** True when a peer speaking `version` can be understood: same major, any minor (newer minors only add). */
export function isVersionSupported(version: ProtocolVersion): boolean {
  return version.major === PROTOCOL_MAJOR;
}
