/** A running loopback-only livekit-server started by {@link startLiveKitServer}. */
export interface LiveKitServer {
  /** ws://127.0.0.1:PORT */
  url: string;
  /** http://127.0.0.1:PORT (RoomService API). */
  httpUrl: string;
  /** Dev API key generated for this run. */
  apiKey: string;
  /** Dev API secret generated for this run. */
  apiSecret: string;
  /** Process (and process group) id. */
  pid: number;
  /** Everything the server printed so far (last 64 kB). */
  logs(): string;
  /** SIGTERM the process group (SIGKILL after 3 s) and remove the temp config. */
  stop(): Promise<void>;
}

/** Options for {@link startLiveKitServer}. */
export interface StartLiveKitServerOptions {
  /** HTTP/WebSocket port; a free one when absent. */
  port?: number;
  /** Dev API key (default: generated). Reuse a stopped server's key to restart it. */
  apiKey?: string;
  /** Dev API secret (default: generated, 64 hex chars). */
  apiSecret?: string;
  /** livekit-server log level (default 'warn'). */
  logLevel?: string;
  /** How long to wait for the HTTP health check (default 15 s). */
  timeoutMs?: number;
  /** Receives the server's output as it arrives. */
  onLog?: (text: string) => void;
}

export declare function liveKitServerPath(): string;
export declare function liveKitConfigYaml(o: {
  port: number;
  udpPort: number;
  apiKey: string;
  apiSecret: string;
  logLevel: string;
}): string;
export declare function startLiveKitServer(options?: StartLiveKitServerOptions): Promise<LiveKitServer>;
