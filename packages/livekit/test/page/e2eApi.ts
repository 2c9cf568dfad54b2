// What the e2e browser page exposes on `window.e2e`, shared by the page and the Node test (types only).

/** One message the page received, with the sender's role as the server set it in the sender's attributes. */
export interface PageReceived {
  kind: 'data' | 'text' | 'bytes';
  topic: string;
  /** Text content (data/text) or the byte count (bytes). */
  body: string;
  senderIdentity: string;
  senderRole: string;
}

/** What the page saw of the `lk.audio_stream` PCM byte stream. */
export interface PageAudio {
  streams: number;
  bytes: number;
  sampleRate: string;
  numChannels: string;
  senderRole: string;
  /** Sum of the int16 samples received: proves the bytes arrived intact. */
  checksum: number;
}

/** The page's test surface. */
export interface E2EPageApi {
  join(url: string, token: string): Promise<void>;
  leave(): Promise<void>;
  /** Publishes a reliable data message to the agent. */
  sendToAgent(topic: string, text: string): Promise<void>;
  received: PageReceived[];
  audio: PageAudio;
  clearBufferCalls: number;
  /** Remote addresses of the connected publisher/subscriber ICE pairs (should all be 127.0.0.1). */
  candidateAddresses(): Promise<string[]>;
}

declare global {
  interface Window {
    e2e: E2EPageApi;
  }
}
