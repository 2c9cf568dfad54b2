import { Emitter } from '@digital-human/core';
import { LiveKitTransportError } from './LiveKitTransportError';
import { PcmDecoder } from './PcmDecoder';

/** A segment began: its first sample plays at `startTime` on the player's audio clock. */
export interface PlaybackStarted {
  readonly segment: number;
  /** `AudioContext` time of the segment's first sample (schedule visemes against this). */
  readonly startTime: number;
  readonly sampleRate: number;
  readonly channels: number;
}

/** A segment ended, played out or cut. */
export interface PlaybackFinished {
  readonly segment: number;
  /** Seconds of the segment's audio that were heard: all of it unless interrupted; underrun gaps excluded. */
  readonly position: number;
  /** True when `clear()` cut it. */
  readonly interrupted: boolean;
}

/** Events of a {@link PcmStreamPlayer}. */
export interface PcmStreamPlayerEvents {
  started: PlaybackStarted;
  finished: PlaybackFinished;
  /** Audio arrived later than it should have played: a gap of `gap` seconds was inserted. */
  underrun: { readonly segment: number; readonly gap: number };
}

/** Options of a {@link PcmStreamPlayer}. */
export interface PcmStreamPlayerOptions {
  /** Seconds between the first bytes of a segment and its first sample playing (default 0.05). */
  readonly lead?: number;
  /** Where audio goes (default `context.destination`). */
  readonly destination?: AudioNode;
}

/** Scratch list of the channel arrays being written (module scope: no array per chunk). */
const _planes: Float32Array[] = [];

interface Segment {
  readonly id: number;
  readonly decoder: PcmDecoder;
  readonly sampleRate: number;
  readonly sources: Set<AudioBufferSourceNode>;
  startTime: number;
  /** Audio time and frame count of the last re-anchoring (segment start or after an underrun). */
  anchorTime: number;
  anchorFrames: number;
  frames: number;
  inputEnded: boolean;
  finished: boolean;
}

/**
 * Plays PCM that arrives as bytes (the `lk.audio_stream` convention) sample-exactly on its own audio clock:
 * each chunk becomes an `AudioBuffer` started with `source.start(t)` exactly where the previous one ends, so
 * segments play gapless and their timing is known in `AudioContext` time. `clear()` stops all future audio.
 */
export class PcmStreamPlayer {
  /** The player's events. */
  readonly events = new Emitter<PcmStreamPlayerEvents>();
  private readonly lead: number;
  private readonly destination: AudioNode;
  private readonly segments: Segment[] = [];
  private input: Segment | null = null;
  private nextTime = 0;
  private nextId = 1;

  constructor(
    readonly context: BaseAudioContext,
    options: PcmStreamPlayerOptions = {},
  ) {
    this.lead = options.lead ?? 0.05;
    this.destination = options.destination ?? context.destination;
  }

  /** Id of the segment receiving bytes now, 0 when none (cleared, ended or never begun). */
  get inputSegment(): number {
    return this.input?.id ?? 0;
  }

  /** True while any segment is scheduled or still receiving. */
  get active(): boolean {
    return this.segments.length > 0;
  }

  /**
   * Starts a new segment of interleaved int16 PCM; it plays after whatever is still queued. Returns its id.
   * @throws {@link LiveKitTransportError} `bad_audio_stream` for a sample rate outside 3..384 kHz or bad channels.
   */
  beginSegment(sampleRate: number, channels: number): number {
    if (!(sampleRate >= 3000 && sampleRate <= 384_000)) {
      throw LiveKitTransportError.badAudioStream(`PCM sample rate ${sampleRate} is out of range`);
    }
    if (this.input) this.endSegment();
    const segment: Segment = {
      id: this.nextId++,
      decoder: new PcmDecoder(channels),
      sampleRate,
      sources: new Set(),
      startTime: Number.NaN,
      anchorTime: 0,
      anchorFrames: 0,
      frames: 0,
      inputEnded: false,
      finished: false,
    };
    this.segments.push(segment);
    this.input = segment;
    return segment.id;
  }

  /** Schedules the samples in `bytes` right after the previous ones. Ignored when no segment is open. */
  push(bytes: Uint8Array): void {
    const segment = this.input;
    if (!segment) return;
    const { decoder } = segment;
    const frames = decoder.framesIn(bytes);
    if (frames === 0) {
      decoder.decodeInto(bytes, _planes);
      return;
    }
    // Decode straight into the AudioBuffer's channel data: the buffer is the only allocation per chunk.
    const buffer = this.context.createBuffer(decoder.channels, frames, segment.sampleRate);
    _planes.length = 0;
    for (let c = 0; c < decoder.channels; c++) _planes.push(buffer.getChannelData(c));
    decoder.decodeInto(bytes, _planes);
    _planes.length = 0;
    this.schedule(segment, buffer);
  }

  /** The open segment has all its bytes; `finished` fires when its last sample has played. */
  endSegment(): void {
    const segment = this.input;
    if (!segment) return;
    this.input = null;
    segment.inputEnded = true;
    if (segment.sources.size === 0) this.finish(segment, false);
  }

  /** Stops all scheduled and incoming audio now; `finished` fires with `interrupted: true` per cut segment. */
  clear(): void {
    this.input = null;
    for (const segment of [...this.segments]) {
      for (const source of segment.sources) stopSource(source);
      segment.sources.clear();
      this.finish(segment, true);
    }
    this.nextTime = 0;
  }

  /** Stops everything and removes all listeners. */
  dispose(): void {
    this.clear();
    this.events.removeAllListeners();
  }

  private schedule(segment: Segment, buffer: AudioBuffer): void {
    const now = this.context.currentTime;
    let at =
      segment.frames === 0
        ? this.nextTime
        : segment.anchorTime + (segment.frames - segment.anchorFrames) / segment.sampleRate;
    if (at < now + 0.002) {
      const late = now + this.lead;
      if (segment.frames > 0) this.events.emit('underrun', { segment: segment.id, gap: late - at });
      at = late;
    }
    if (segment.frames === 0 || at !== this.nextTime) {
      segment.anchorTime = at;
      segment.anchorFrames = segment.frames;
    }
    const source = this.context.createBufferSource();
    source.buffer = buffer;
    source.connect(this.destination);
    source.onended = () => this.onSourceEnded(segment, source);
    source.start(at);
    segment.sources.add(source);
    segment.frames += buffer.length;
    // Times derive from whole frame counts, so thousands of chunks never accumulate rounding drift.
    this.nextTime = segment.anchorTime + (segment.frames - segment.anchorFrames) / segment.sampleRate;
    if (Number.isNaN(segment.startTime)) {
      segment.startTime = at;
      const channels = buffer.numberOfChannels;
      this.events.emit('started', {
        segment: segment.id,
        startTime: at,
        sampleRate: segment.sampleRate,
        channels,
      });
    }
  }

  private onSourceEnded(segment: Segment, source: AudioBufferSourceNode): void {
    segment.sources.delete(source);
    source.disconnect();
    if (segment.inputEnded && segment.sources.size === 0) this.finish(segment, false);
  }

  private finish(segment: Segment, interrupted: boolean): void {
    if (segment.finished) return;
    segment.finished = true;
    const index = this.segments.indexOf(segment);
    if (index >= 0) this.segments.splice(index, 1);
    const position = (interrupted ? this.heardFrames(segment) : segment.frames) / segment.sampleRate;
    this.events.emit('finished', { segment: segment.id, position, interrupted });
  }

  /**
   * Frames of `segment` that reached the listener when cut: rendered time minus the output latency, mapped to
   * content through the last anchor (so gaps from underruns do not count as heard audio).
   */
  private heardFrames(segment: Segment): number {
    if (Number.isNaN(segment.startTime)) return 0;
    const context = this.context as Partial<AudioContext> & BaseAudioContext;
    const heardAt = this.context.currentTime - (context.outputLatency || context.baseLatency || 0);
    const frames =
      heardAt >= segment.anchorTime
        ? segment.anchorFrames + (heardAt - segment.anchorTime) * segment.sampleRate
        : Math.min(segment.anchorFrames, (heardAt - segment.startTime) * segment.sampleRate);
    return Math.min(segment.frames, Math.max(0, Math.round(frames)));
  }
}

function stopSource(source: AudioBufferSourceNode): void {
  source.onended = null;
  try {
    source.stop();
  } catch {
    // never started or already stopped
  }
  source.disconnect();
}
