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
 * (ratio = 2^(semitones/12)), so the read rate — and every frequency — is multiplied by `ratio`; when a tap reaches
 * the end of the window it jumps back, at the moment its sin² window has faded it out, while the other tap (half a
 * window away) carries the sound. sin² + cos² = 1 keeps the level. Latency is at most the window (40 ms).
 * At ratio 1 it passes the input through untouched.
 */
function registerPitchShifter(scope: WorkletScope, name: string): void {
  const WINDOW_SECONDS = 0.04;
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
    declare private write: number;
    declare private phase: number;
    constructor() {
      super();
      this.write = 0;
      this.phase = 0;
      this.window = Math.max(64, Math.round(scope.sampleRate * WINDOW_SECONDS));
      let size = 1;
      while (size < this.window * 2 + 4) size *= 2;
      this.size = size;
      this.buffer = new Float32Array(size);
    }
    private tap(delay: number): number {
      const pos = this.write - delay;
      const i = Math.floor(pos);
      const frac = pos - i;
      const mask = this.size - 1;
      const a = this.buffer[i & mask] ?? 0;
      const b = this.buffer[(i + 1) & mask] ?? 0;
      return a + (b - a) * frac;
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
      const mask = this.size - 1;
      for (let n = 0; n < first.length; n++) {
        const x = input ? (input[n] ?? 0) : 0;
        this.buffer[this.write & mask] = x;
        let y = x;
        if (ratio !== 1) {
          const p = this.phase + step;
          this.phase = p - Math.floor(p);
          const p2 = this.phase + 0.5 - Math.floor(this.phase + 0.5);
          const g1 = Math.sin(Math.PI * this.phase);
          const g2 = Math.sin(Math.PI * p2);
          y = g1 * g1 * this.tap(this.phase * this.window) + g2 * g2 * this.tap(p2 * this.window);
        }
        first[n] = y;
        this.write = (this.write + 1) & mask;
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
