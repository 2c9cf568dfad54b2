import type { RoomConnectOptions, RoomOptions } from 'livekit-client';
import type { AckOutboxOptions } from './AckOutbox';
import type { LiveKitModule } from './bindRoomEvents';
import type { FetchTokenOptions, RoomCredentials } from './fetchToken';
import type { MessageCodec } from './MessageCodec';
import type { PcmStreamPlayerOptions } from './PcmStreamPlayer';

/** Options of a `LiveKitTransport`. Give `tokenEndpoint` or `getCredentials`. */
export interface LiveKitTransportOptions<In, Out> {
  /** The bank's token endpoint, POSTed to by `fetchToken`; it answers `{url, token}`. */
  readonly tokenEndpoint?: string;
  /** How to call `tokenEndpoint` (body, headers, cookies). */
  readonly tokenRequest?: Omit<FetchTokenOptions, 'signal'>;
  /** Custom credentials source instead of `tokenEndpoint` (e.g. a native WebView bridge). */
  readonly getCredentials?: () => Promise<RoomCredentials>;
  /** Message validation and role permissions. Default: `@digital-human/protocol` (`protocolCodec`). */
  readonly codec?: MessageCodec<In, Out>;
  /** The context agent speech plays on. Default: one created on `connect()` and closed on `dispose()`. */
  readonly audioContext?: AudioContext;
  /** Scheduling of `lk.audio_stream` speech. */
  readonly player?: PcmStreamPlayerOptions;
  /** livekit-client `Room` options (adaptive stream, dynacast, reconnect policy...). */
  readonly roomOptions?: RoomOptions;
  /** livekit-client connect options. */
  readonly connectOptions?: RoomConnectOptions;
  /** Loads livekit-client. Default: a dynamic `import('livekit-client')`, so the SDK's first load stays small. */
  readonly loadLiveKit?: () => Promise<LiveKitModule>;
  /** Retries of user actions and texts until their ack (backoff, how many may wait). */
  readonly outbox?: AckOutboxOptions;
}
