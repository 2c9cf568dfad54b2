/** Finds where sound starts in what a received track renders (see {@link AnalyserLevelTap}). */
export interface LevelTap {
  /**
   * Audio-clock time of the first audible sample in the latest rendered window, or NaN when the window is quiet.
   * Read at least every ~15 ms so no window is skipped.
   */
  firstAudible(): number;
  /** Disconnects the tap. */
  dispose(): void;
}

/** Scratch window shared by every tap: reads are synchronous, so one buffer serves them all. */
let _window = new Float32Array(1024);

/**
 * A {@link LevelTap} on a received audio track: the track feeds an `AnalyserNode` on the transport's context (not
 * connected to the output: the track plays through its own element), and each read scans the last ~21 ms of
 * rendered samples for the first one above `threshold`. Its time is the context's `currentTime` minus the samples
 * after it — the audio clock of what is rendered, not when packets arrived. Used when the receiver's
 * synchronization sources carry no `audioLevel` (no ssrc-audio-level header extension on the path).
 */
export class AnalyserLevelTap implements LevelTap {
  private readonly source: MediaStreamAudioSourceNode;
  private readonly analyser: AnalyserNode;

  constructor(
    private readonly context: AudioContext,
    track: MediaStreamTrack,
    private readonly threshold = 0.02,
  ) {
    this.source = context.createMediaStreamSource(new MediaStream([track]));
    this.analyser = context.createAnalyser();
    this.analyser.fftSize = 1024;
    this.source.connect(this.analyser);
  }

  firstAudible(): number {
    const size = this.analyser.fftSize;
    if (_window.length !== size) _window = new Float32Array(size);
    this.analyser.getFloatTimeDomainData(_window);
    const now = this.context.currentTime;
    for (let i = 0; i < size; i++) {
      const v = _window[i]!;
      if (v > this.threshold || v < -this.threshold) return now - (size - i) / this.context.sampleRate;
    }
    return Number.NaN;
  }

  dispose(): void {
    this.source.disconnect();
  }
}
