import type { Message } from '@digital-human/protocol';
import type { LevelTap } from './AnalyserLevelTap';
import type { LiveKitTransportEvents } from './LiveKitTransportEvents';
import type { MessageSender } from './MessageCodec';
import {
  contextTimeAtPlayout,
  OPUS_RTP_RATE,
  outputLatencyOf,
  type PlayoutContext,
  playoutPerfMs,
  rtpDelta,
  type SynchronizationSourceReader,
} from './playoutClock';

/** What the receiver reports to its owner. */
export interface AvatarTrackCallbacks {
  started(event: LiveKitTransportEvents<unknown>['speechstarted']): void;
  finished(event: LiveKitTransportEvents<unknown>['speechfinished']): void;
}

/** Options of an {@link AvatarTrackReceiver}. */
export interface AvatarTrackReceiverOptions {
  /** `audioLevel` (0..1, linear) at or above which a played frame is audible (default 0.01, about -40 dBov). */
  readonly audibleLevel?: number;
  /** RTP-time silence before an audible frame that makes it an utterance's onset, seconds (default 0.1). */
  readonly minSilence?: number;
  /** How often the receivers' playout is read, ms (default 10). */
  readonly pollMs?: number;
}

/** An utterance announced by `speech.start` with `audio: 'track'`. */
export interface TrackUtterance {
  readonly utteranceId: string;
  readonly sender: MessageSender;
  /** Seconds of silence at its head before the first audible sample. */
  readonly leadIn: number;
  /** Its audio duration in seconds, when the agent said. */
  readonly duration: number | undefined;
}

interface Playing extends TrackUtterance {
  readonly startTime: number;
}

interface SourceState {
  readonly reader: SynchronizationSourceReader;
  /** Level of the rendered track, when its synchronization sources carry no `audioLevel`. */
  readonly tap: LevelTap | undefined;
  /** Audio-clock time of the last audible read through the tap (NaN before any), and whether a quiet one was seen. */
  lastLoudTime: number;
  quietSeen: boolean;
  /** RTP timestamp of the last frame seen quiet / audible (NaN before any). */
  lastQuiet: number;
  lastLoud: number;
}

/**
 * Times agent speech that arrives on an audio track (not `lk.audio_stream`): each `speech.start` with
 * `audio: 'track'` waits for its onset on the sender's track — the first audible frame after at least `minSilence`
 * of silence, in RTP time — and its start is mapped to the audio clock through the receiver's playout timestamps
 * (`getSynchronizationSources()`: the frame's RTP timestamp and when it was played out), never its arrival time.
 * The utterance finishes after its `durationMs`, or when `speech.end` cuts it.
 */
export class AvatarTrackReceiver {
  private readonly sources = new Map<string, SourceState>();
  private readonly waiting: TrackUtterance[] = [];
  private readonly playing: Playing[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly audibleLevel: number;
  private readonly minSilenceRtp: number;
  private readonly pollMs: number;

  constructor(
    private readonly context: PlayoutContext,
    private readonly callbacks: AvatarTrackCallbacks,
    options: AvatarTrackReceiverOptions = {},
  ) {
    this.audibleLevel = options.audibleLevel ?? 0.01;
    this.minSilenceRtp = (options.minSilence ?? 0.1) * OPUS_RTP_RATE;
    this.pollMs = options.pollMs ?? 10;
  }

  /**
   * A trusted sender's audio track was subscribed: its receiver's playout times its utterances — by the RTP
   * timestamps and `audioLevel` of its synchronization sources, or, when they carry no level, by `tap` (the
   * rendered track). The receiver owns `tap` from now on.
   */
  addTrack(identity: string, reader: SynchronizationSourceReader, tap?: LevelTap): void {
    this.removeTrack(identity);
    const state = { reader, tap, lastLoudTime: Number.NaN, quietSeen: false };
    this.sources.set(identity, { ...state, lastQuiet: Number.NaN, lastLoud: Number.NaN });
    this.poll();
  }

  /** The sender's track went away. */
  removeTrack(identity: string): void {
    this.sources.get(identity)?.tap?.dispose();
    this.sources.delete(identity);
  }

  /** Takes what concerns it from a delivered message: `speech.start` with `audio: 'track'`, and `speech.end`. */
  receive(message: Message, sender: MessageSender): void {
    if (message.type === 'speech.start' && message.audio === 'track') {
      const leadIn = (message.leadInMs ?? 0) / 1000;
      const duration = message.durationMs === undefined ? undefined : message.durationMs / 1000;
      this.announce({ utteranceId: message.utteranceId, sender, leadIn, duration });
    } else if (message.type === 'speech.end') this.end(message.utteranceId, message.interrupted === true);
  }

  /** `speech.start` with `audio: 'track'`: the utterance waits for its onset on its sender's track. */
  announce(utterance: TrackUtterance): void {
    this.waiting.push(utterance);
    this.ensurePolling();
  }

  /** `speech.end`: an interrupted utterance finishes now (position: what was heard); others end on time. */
  end(utteranceId: string, interrupted: boolean): void {
    if (!interrupted) return;
    const w = this.waiting.findIndex((u) => u.utteranceId === utteranceId);
    if (w >= 0) {
      const [u] = this.waiting.splice(w, 1);
      if (u) this.callbacks.finished({ ...ref(u), segment: 0, position: 0, interrupted: true });
    }
    const p = this.playing.findIndex((u) => u.utteranceId === utteranceId);
    if (p >= 0) this.finish(p, true);
  }

  /** Finishes everything as interrupted (a full reconnect) and forgets the tracks' silence state. */
  reset(): void {
    for (const u of this.waiting.splice(0))
      this.callbacks.finished({ ...ref(u), segment: 0, position: 0, interrupted: true });
    while (this.playing.length > 0) this.finish(this.playing.length - 1, true);
    for (const s of this.sources.values()) {
      s.lastLoud = s.lastQuiet = s.lastLoudTime = Number.NaN;
      s.quietSeen = false;
    }
  }

  /** Stops polling and forgets everything (no events). */
  dispose(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.waiting.length = 0;
    this.playing.length = 0;
    for (const s of this.sources.values()) s.tap?.dispose();
    this.sources.clear();
  }

  /** Reads every track's playout once: onsets start waiting utterances, due ones finish. */
  poll(): void {
    for (const [identity, state] of this.sources) this.read(identity, state);
    const now = this.context.currentTime - outputLatencyOf(this.context);
    for (let i = this.playing.length - 1; i >= 0; i--) {
      const u = this.playing[i]!;
      if (u.duration !== undefined && now >= u.startTime + u.duration) this.finish(i, false);
    }
    if (this.waiting.length === 0 && this.playing.length === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  private read(identity: string, state: SourceState): void {
    const source = state.reader.getSynchronizationSources()[0];
    if (state.tap && source?.audioLevel === undefined) {
      this.readTap(identity, state, state.tap);
      return;
    }
    if (!source) return;
    const rtp = source.rtpTimestamp;
    if ((source.audioLevel ?? 0) < this.audibleLevel) {
      state.lastQuiet = rtp;
      return;
    }
    const quietBefore = Number.isNaN(state.lastLoud) || rtpDelta(rtp, state.lastLoud) >= this.minSilenceRtp;
    state.lastLoud = rtp;
    const index = this.waiting.findIndex((u) => u.sender.identity === identity);
    if (!quietBefore || index < 0 || Number.isNaN(state.lastQuiet)) return;
    // The onset lies between the last quiet frame seen and this one: take the middle (half a poll of error).
    const gap = Math.max(0, rtpDelta(rtp, state.lastQuiet));
    const onsetRtp = rtp - gap / 2;
    const perfMs = playoutPerfMs(source.timestamp) - ((rtp - onsetRtp) / OPUS_RTP_RATE) * 1000;
    this.start(index, contextTimeAtPlayout(this.context, perfMs));
  }

  /** The tap path: the first audible rendered sample after `minSilence` of quiet is the onset. */
  private readTap(identity: string, state: SourceState, tap: LevelTap): void {
    const audible = tap.firstAudible();
    if (Number.isNaN(audible)) {
      state.quietSeen = true;
      return;
    }
    const last = state.lastLoudTime;
    state.lastLoudTime = this.context.currentTime;
    const quietBefore = Number.isNaN(last) || audible - last >= this.minSilenceRtp / OPUS_RTP_RATE;
    const index = this.waiting.findIndex((u) => u.sender.identity === identity);
    if (quietBefore && state.quietSeen && index >= 0) this.start(index, audible);
  }

  /** The waiting utterance at `index` has its onset at audio time `onset`. */
  private start(index: number, onset: number): void {
    const [u] = this.waiting.splice(index, 1);
    if (!u) return;
    const startTime = onset - u.leadIn;
    this.playing.push({ ...u, startTime });
    this.callbacks.started({
      ...ref(u),
      segment: 0,
      startTime,
      sampleRate: OPUS_RTP_RATE,
      channels: 1,
      ...(u.duration === undefined ? {} : { duration: u.duration }),
    });
  }

  private finish(index: number, interrupted: boolean): void {
    const [u] = this.playing.splice(index, 1);
    if (!u) return;
    const heard = this.context.currentTime - outputLatencyOf(this.context) - u.startTime;
    const full = u.duration ?? heard;
    const position = interrupted ? Math.min(full, Math.max(0, heard)) : full;
    this.callbacks.finished({ ...ref(u), segment: 0, position, interrupted });
  }

  private ensurePolling(): void {
    this.timer ??= setInterval(() => this.poll(), this.pollMs);
  }
}

function ref(u: TrackUtterance): { utteranceId: string; sender: MessageSender } {
  return { utteranceId: u.utteranceId, sender: u.sender };
}
