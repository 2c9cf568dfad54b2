import { ROLE_ATTRIBUTE } from '@digital-human/protocol';
import { AccessToken, TrackSource, type VideoGrant } from 'livekit-server-sdk';

/** The roles the service mints tokens for. */
export type ParticipantRoleGrant = 'customer' | 'operator' | 'agent';

/** The server's LiveKit credentials. */
export interface ApiCredentials {
  readonly apiKey: string;
  readonly apiSecret: string;
  /** Token lifetime, seconds (default 600). */
  readonly ttlSeconds?: number;
}

/**
 * The grants of each role, minimal: customers publish only their microphone and data; nobody may change their
 * own metadata or attributes (the role lives there).
 */
export function grantsFor(room: string, role: ParticipantRoleGrant): VideoGrant {
  const base: VideoGrant = {
    room,
    roomJoin: true,
    canSubscribe: true,
    canPublishData: true,
    canUpdateOwnMetadata: false,
  };
  if (role === 'customer') return { ...base, canPublish: true, canPublishSources: [TrackSource.MICROPHONE] };
  // The agent speaks through byte streams and data; operators may publish their microphone for the voice.
  if (role === 'agent') return { ...base, canPublish: false };
  return { ...base, canPublish: true, canPublishSources: [TrackSource.MICROPHONE] };
}

/** Mints a room-join JWT whose attributes carry the server-set role (`dh.role`). */
export function mintToken(
  credentials: ApiCredentials,
  room: string,
  identity: string,
  role: ParticipantRoleGrant,
): Promise<string> {
  const token = new AccessToken(credentials.apiKey, credentials.apiSecret, {
    identity,
    attributes: { [ROLE_ATTRIBUTE]: role },
    ttl: credentials.ttlSeconds ?? 600,
  });
  token.addGrant(grantsFor(room, role));
  return token.toJwt();
}
