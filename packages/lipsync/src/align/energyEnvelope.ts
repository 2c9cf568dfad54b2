/** A loudness envelope: one value per hop. */
export interface EnergyEnvelope {
  /** Log energy (dB re full scale) per frame, low-passed to the voiced band and smoothed. */
  db: Float32Array;
  /** Frames per second (1 / hop). */
  rate: number;
}

/** Options of {@link energyEnvelope}. */
export interface EnvelopeOptions {
  /** Hop in seconds (default 0.01). */
  hop?: number;
  /** Analysis window in seconds (default 0.03). */
  window?: number;
  /** Low-pass corner in Hz that keeps vowels and drops fricative hiss (default 1000). */
  lowpass?: number;
  /** Moving-average smoothing in frames (default 5). */
  smooth?: number;
}

/**
 * The speech energy envelope of mono PCM: low-passed (two one-pole stages, so vowels dominate), RMS per window,
 * in dB, smoothed. Syllable nuclei are its peaks.
 */
export function energyEnvelope(
  pcm: Float32Array,
  sampleRate: number,
  options: EnvelopeOptions = {},
): EnergyEnvelope {
  const hop = Math.max(1, Math.round((options.hop ?? 0.01) * sampleRate));
  const win = Math.max(hop, Math.round((options.window ?? 0.03) * sampleRate));
  const a = Math.exp((-2 * Math.PI * (options.lowpass ?? 1000)) / sampleRate);
  const filtered = new Float32Array(pcm.length);
  let y1 = 0;
  let y2 = 0;
  for (let i = 0; i < pcm.length; i++) {
    y1 = (1 - a) * pcm[i]! + a * y1;
    y2 = (1 - a) * y1 + a * y2;
    filtered[i] = y2;
  }
  const frames = Math.max(1, Math.ceil(pcm.length / hop));
  const raw = new Float32Array(frames);
  for (let f = 0; f < frames; f++) {
    const center = f * hop;
    const from = Math.max(0, center - (win >> 1));
    const to = Math.min(pcm.length, center + (win >> 1));
    let sum = 0;
    for (let i = from; i < to; i++) sum += filtered[i]! ** 2;
    raw[f] = 10 * Math.log10(sum / Math.max(1, to - from) + 1e-10);
  }
  return { db: movingAverage(raw, options.smooth ?? 5), rate: sampleRate / hop };
}

function movingAverage(x: Float32Array, width: number): Float32Array {
  const out = new Float32Array(x.length);
  const half = width >> 1;
  for (let i = 0; i < x.length; i++) {
    let sum = 0;
    let n = 0;
    for (let k = Math.max(0, i - half); k <= Math.min(x.length - 1, i + half); k++) {
      sum += x[k]!;
      n++;
    }
    out[i] = sum / n;
  }
  return out;
}

/** A syllable nucleus candidate: a local maximum of the envelope. */
export interface EnergyPeak {
  frame: number;
  /** dB above the higher of the two valleys around it. */
  prominence: number;
}

/** The p-th percentile (0..1) of `x`. */
export function percentile(x: Float32Array, p: number): number {
  const sorted = Float32Array.from(x).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/**
 * Local maxima of the envelope above the speech threshold, at least `minGap` frames apart (the more prominent
 * one wins), with their prominence.
 */
export function findPeaks(db: Float32Array, threshold: number, minGap: number): EnergyPeak[] {
  const peaks: EnergyPeak[] = [];
  for (let i = 1; i < db.length - 1; i++) {
    if (db[i]! < threshold || db[i]! < db[i - 1]! || db[i]! <= db[i + 1]!) continue;
    let left = db[i]!;
    for (let k = i - 1; k >= 0 && db[k]! <= db[i]!; k--) left = Math.min(left, db[k]!);
    let right = db[i]!;
    for (let k = i + 1; k < db.length && db[k]! <= db[i]!; k++) right = Math.min(right, db[k]!);
    const peak = { frame: i, prominence: db[i]! - Math.max(left, right) };
    const last = peaks[peaks.length - 1];
    if (last && i - last.frame < minGap) {
      if (peak.prominence > last.prominence) peaks[peaks.length - 1] = peak;
    } else {
      peaks.push(peak);
    }
  }
  return peaks;
}
