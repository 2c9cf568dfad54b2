/** The name the pitch shifter is registered under in the audio worklet scope. */
export const PITCH_SHIFTER_PROCESSOR = 'dh-pitch-shifter';

/** The audio worklet scope's globals the processor uses (the DOM lib does not describe them). */
interface WorkletScope {
  readonly sampleRate: number;
  readonly AudioWorkletProcessor: new () => object;
  registerProcessor(name: string, processor: unknown): void;
}

/**
 * Registers the pitch shifter in an audio worklet scope. Runs there, never in the page: it is serialised with
 * `Function.prototype.toString` into {@link pitchShifterSource}, so it must stay self-contained (no imports, no
 * closure over module variables).
 *
 * The shifter is a two-tap delay line: each read tap slides through a 40 ms window at `1 - ratio` samples per sample
 * (ratio = 2^(semitones/12)), so the read rate — and every frequency — is multiplied by `ratio`. When a tap reaches
 * the end of the window it jumps back, at the moment its sin² window has faded it out, while the other tap (half a
 * window away) carries the sound; sin² + cos² = 1 keeps the level. Each jump lands where the waveform best matches
 * what the other tap plays (cross-correlation over ±6 ms, a low voice's half period), so the two taps crossfade in
 * phase: no cancellation, no lost cycle, no warble. Latency is at most the window plus 12 ms. At ratio 1 it passes
 * the input through untouched.
 */
function registerPitchShifter(scope: WorkletScope, name: string): void {
  const WINDOW_SECONDS = 0.04;
  const SEARCH_SECONDS = 0.006;
  const MATCH_SECONDS = 0.005;
  const Base = scope.AudioWorkletProcessor;
  class PitchShifter extends Base {
    static get parameterDescriptors() {
      return [{ name: 'pitchRatio', defaultValue: 1, minValue: 0.25, maxValue: 4, automationRate: 'k-rate' }];
    }
    // Fields are assigned in the constructor (no initialisers): a bundler could otherwise emit helpers outside this
    // function, which the serialised source would not have.
    declare private readonly size: number;
    declare private readonly buffer: Float32Array;
    declare private readonly window: number;
    declare private readonly search: number;
    declare private readonly match: number;
    declare private write: number;
    declare private phase: number;
    declare private offset1: number;
    declare private offset2: number;
    constructor() {
      super();
      this.write = 0;
      this.phase = 0;
      this.offset1 = 0;
      this.offset2 = 0;
      this.window = Math.max(64, Math.round(scope.sampleRate * WINDOW_SECONDS));
      this.search = Math.round(scope.sampleRate * SEARCH_SECONDS);
      this.match = Math.max(16, Math.round(scope.sampleRate * MATCH_SECONDS));
      let size = 1;
      while (size < this.window + 2 * this.search + this.match + 256) size *= 2;
      this.size = size;
      this.buffer = new Float32Array(size);
    }
    private at(delay: number): number {
      return this.buffer[(this.write - delay) & (this.size - 1)] ?? 0;
    }
    private tap(delay: number): number {
      const i = Math.floor(delay);
      const frac = delay - i;
      const a = this.at(i);
      return a + (this.at(i + 1) - a) * frac;
    }
    /** The offset in [-search, search] whose waveform at `base + offset` best matches the one at `target`. */
    private align(target: number, base: number): number {
      const t = Math.round(target);
      const b = Math.round(base);
      let best = 0;
      let bestScore = Number.NEGATIVE_INFINITY;
      for (let o = -this.search; o <= this.search; o++) {
        let dot = 0;
        let energy = 1e-9;
        for (let k = 0; k < this.match; k++) {
          const x = this.at(b + o + k);
          dot += x * this.at(t + k);
          energy += x * x;
        }
        const score = dot / Math.sqrt(energy);
        if (score > bestScore) {
          bestScore = score;
          best = o;
        }
      }
      return best;
    }
    process(
      inputs: Float32Array[][],
      outputs: Float32Array[][],
      parameters: Record<string, Float32Array>,
    ): boolean {
      const input = inputs[0]?.[0];
      const output = outputs[0];
      const first = output?.[0];
      if (!output || !first) return true;
      const ratio = parameters.pitchRatio?.[0] ?? 1;
      const step = (1 - ratio) / this.window;
      const W = this.window;
      const S = this.search;
      for (let n = 0; n < first.length; n++) {
        const x = input ? (input[n] ?? 0) : 0;
        this.buffer[this.write] = x;
        let y = x;
        if (ratio !== 1) {
          const before = this.phase;
          const moved = before + step;
          const p = moved - Math.floor(moved);
          const q = p + 0.5 - Math.floor(p + 0.5);
          const qBefore = before + 0.5 - Math.floor(before + 0.5);
          this.phase = p;
          // A tap wraps when its phase crosses the window's end; it re-enters aligned with the other tap.
          if (Math.abs(p - before) > 0.5) this.offset1 = this.align(q * W + this.offset2 + S, p * W + S);
          if (Math.abs(q - qBefore) > 0.5) this.offset2 = this.align(p * W + this.offset1 + S, q * W + S);
          const g1 = Math.sin(Math.PI * p);
          const g2 = Math.sin(Math.PI * q);
          y = g1 * g1 * this.tap(p * W + this.offset1 + S) + g2 * g2 * this.tap(q * W + this.offset2 + S);
        }
        first[n] = y;
        this.write = (this.write + 1) & (this.size - 1);
      }
      for (let c = 1; c < output.length; c++) output[c]!.set(first);
      return true;
    }
  }
  scope.registerProcessor(name, PitchShifter);
}

/** The worklet module's source: load it with `audioWorklet.addModule` (as a Blob URL by default). */
export const pitchShifterSource = `(${registerPitchShifter.toString()})(globalThis, ${JSON.stringify(PITCH_SHIFTER_PROCESSOR)});\n`;

/** The pitch ratio of a shift in semitones (+12 = one octave up). */
export function semitonesToRatio(semitones: number): number {
  return 2 ** (semitones / 12);
}
