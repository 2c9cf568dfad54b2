import { LiveKitTransportError } from './LiveKitTransportError';

/** Largest channel count accepted on `lk.audio_stream`. */
export const MAX_PCM_CHANNELS = 8;

/**
 * Turns the bytes of a PCM byte stream (signed 16-bit little-endian, interleaved) into planar float samples
 * in [-1, 1). Data-stream chunks are neither 2-byte aligned nor whole frames, so a partial frame is carried over
 * to the next chunk.
 */
export class PcmDecoder {
  private readonly carry: Uint8Array;
  private readonly carryView: DataView;
  private carryLength = 0;
  private readonly frameBytes: number;

  /**
   * @param channels - interleaved channel count (1..{@link MAX_PCM_CHANNELS}).
   * @throws {@link LiveKitTransportError} `bad_audio_stream` for other counts.
   */
  constructor(readonly channels: number) {
    if (!Number.isInteger(channels) || channels < 1 || channels > MAX_PCM_CHANNELS) {
      throw LiveKitTransportError.badAudioStream(
        `PCM channel count must be 1..${MAX_PCM_CHANNELS}, got ${channels}`,
      );
    }
    this.frameBytes = 2 * channels;
    this.carry = new Uint8Array(this.frameBytes);
    this.carryView = new DataView(this.carry.buffer);
  }

  /** Bytes of an incomplete frame waiting for the next chunk. */
  get pendingBytes(): number {
    return this.carryLength;
  }

  /** Whole frames that `chunk` completes together with the carried bytes (what {@link decodeInto} will write). */
  framesIn(chunk: Uint8Array): number {
    return Math.floor((this.carryLength + chunk.byteLength) / this.frameBytes);
  }

  /**
   * Decodes `chunk` (plus any carried bytes) into `planes`, one array per channel with room for
   * {@link framesIn}(chunk) frames (e.g. an `AudioBuffer`'s channel data: no copy, no allocation).
   * Bytes of an incomplete last frame are kept for the next chunk. Returns the frames written.
   */
  decodeInto(chunk: Uint8Array, planes: readonly Float32Array[]): number {
    const { frameBytes, channels } = this;
    const frames = this.framesIn(chunk);
    if (frames === 0) {
      this.carry.set(chunk, this.carryLength);
      this.carryLength += chunk.byteLength;
      return 0;
    }
    let offset = 0;
    let frame = 0;
    if (this.carryLength > 0) {
      offset = frameBytes - this.carryLength;
      this.carry.set(chunk.subarray(0, offset), this.carryLength);
      readFrame(this.carryView, 0, channels, planes, 0);
      this.carryLength = 0;
      frame = 1;
    }
    const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (; frame < frames; frame++, offset += frameBytes) readFrame(view, offset, channels, planes, frame);
    const rest = chunk.byteLength - offset;
    if (rest > 0) this.carry.set(chunk.subarray(offset), 0);
    this.carryLength = rest;
    return frames;
  }

  /** Drops a carried partial frame (a new segment starts). */
  reset(): void {
    this.carryLength = 0;
  }
}

function readFrame(
  view: DataView,
  offset: number,
  channels: number,
  out: readonly Float32Array[],
  frame: number,
): void {
  for (let c = 0; c < channels; c++) out[c]![frame] = view.getInt16(offset + 2 * c, true) / 32768;
}
