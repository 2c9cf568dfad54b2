/** Half-width of the windowed-sinc kernel, in samples of the lower of the two rates. */
const HALF_WIDTH = 12;

/**
 * Streaming band-limited resampler (Hann-windowed sinc, cut-off at 95 % of the lower Nyquist). Feed chunks with
 * {@link push}; each call returns the output samples whose kernel is fully covered by the input so far, and
 * {@link flush} the rest (zero-padded). The training data went through this same code, so the model sees the
 * same filtering at run time. Buffers grow to the longest chunk seen and are reused.
 */
export class Resampler {
  readonly from: number;
  readonly to: number;
  private readonly ratio: number;
  private readonly cutoff: number;
  private readonly reach: number;
  /** Input samples not yet fully consumed, starting at absolute input index `base`. */
  private input = new Float32Array(4096);
  private length = 0;
  private base = 0;
  /** Next output sample index. */
  private produced = 0;
  private output = new Float32Array(4096);

  constructor(from: number, to: number) {
    this.from = from;
    this.to = to;
    this.ratio = from / to;
    this.cutoff = 0.95 * Math.min(1, to / from);
    this.reach = Math.ceil(HALF_WIDTH / this.cutoff);
  }

  /** Adds input; returns the new output samples (a view valid until the next call). */
  push(chunk: ArrayLike<number>): Float32Array {
    this.append(chunk);
    return this.drain(false);
  }

  /** Returns the remaining output samples up to the end of the input (a view valid until the next call). */
  flush(): Float32Array {
    return this.drain(true);
  }

  /** Resamples a whole signal at once. */
  static all(pcm: ArrayLike<number>, from: number, to: number): Float32Array {
    if (from === to) return Float32Array.from(pcm);
    const r = new Resampler(from, to);
    const head = Float32Array.from(r.push(pcm));
    const tail = r.flush();
    const out = new Float32Array(head.length + tail.length);
    out.set(head);
    out.set(tail, head.length);
    return out;
  }

  private append(chunk: ArrayLike<number>): void {
    if (this.length + chunk.length > this.input.length) {
      const grown = new Float32Array(Math.max(this.input.length * 2, this.length + chunk.length));
      grown.set(this.input.subarray(0, this.length));
      this.input = grown;
    }
    for (let i = 0; i < chunk.length; i++) this.input[this.length + i] = chunk[i]!;
    this.length += chunk.length;
  }

  private drain(final: boolean): Float32Array {
    const end = this.base + this.length;
    const total = Math.floor((end * this.to) / this.from);
    let count = 0;
    for (let n = this.produced; n < total; n++) {
      const x = n * this.ratio;
      if (!final && Math.floor(x) + this.reach >= end) break;
      count++;
    }
    if (count > this.output.length) this.output = new Float32Array(Math.max(count, this.output.length * 2));
    if (this.from === this.to) {
      this.output.set(this.input.subarray(this.produced - this.base, this.produced - this.base + count));
    } else {
      for (let i = 0; i < count; i++) this.output[i] = this.sampleAt((this.produced + i) * this.ratio);
    }
    this.produced += count;
    this.discard();
    return this.output.subarray(0, count);
  }

  /** The band-limited value of the input at absolute (fractional) input position `x`. */
  private sampleAt(x: number): number {
    const first = Math.max(this.base, Math.ceil(x - this.reach));
    const last = Math.min(this.base + this.length - 1, Math.floor(x + this.reach));
    let sum = 0;
    for (let k = first; k <= last; k++) {
      const d = (x - k) * this.cutoff;
      const sinc = d === 0 ? 1 : Math.sin(Math.PI * d) / (Math.PI * d);
      const window = 0.5 + 0.5 * Math.cos((Math.PI * d) / HALF_WIDTH);
      sum += this.input[k - this.base]! * sinc * window;
    }
    return sum * this.cutoff;
  }

  /** Drops input no future output sample can reach. */
  private discard(): void {
    const keepFrom = Math.max(this.base, Math.floor(this.produced * this.ratio) - this.reach - 1);
    const drop = keepFrom - this.base;
    if (drop <= 0) return;
    this.input.copyWithin(0, drop, this.length);
    this.length -= drop;
    this.base = keepFrom;
  }
}
