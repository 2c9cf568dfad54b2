/**
 * Size limits that keep a hostile message from exhausting memory or time. They are part of the protocol:
 * a conforming sender never exceeds them.
 */
export const Limits = {
  /** Largest reliable message in bytes (15 KiB). LiveKit's reliable data packets stay under 15 KiB; larger goes as a stream. */
  maxReliableBytes: 15 * 1024,
  /** Deepest JSON nesting accepted before parsing (objects + arrays). */
  maxDepth: 8,
  /** Longest identifier (utterance, message, card ids). */
  maxIdLength: 64,
  /** Longest short label (titles, button labels). */
  maxLabelLength: 200,
  /** Longest body text (captions, card bodies, disclosure text). */
  maxTextLength: 4000,
  /** Longest URL. */
  maxUrlLength: 1024,
  /** Most viseme cues in one chunk. */
  maxCuesPerChunk: 256,
  /** Most items in a list shown to the user (cards, products, replies, fields). */
  maxListItems: 16,
  /** Most keys in a user-action payload. */
  maxPayloadKeys: 32,
} as const;
