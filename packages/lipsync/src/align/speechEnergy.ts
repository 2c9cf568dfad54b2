import { energyEnvelope, percentile } from './energyEnvelope';

/**
 * A speech-energy function for {@link VisemeSchedulerOptions.energy}: loudness 0..1 of `pcm` at an audio-clock
 * time, given that the audio starts playing at `audioStart`. 0 at the noise floor, 1 at loud vowels (98th
 * percentile), so quiet syllables open the mouth less and pauses close it. The returned function does not allocate.
 */
export function speechEnergy(
  pcm: Float32Array,
  sampleRate: number,
  audioStart = 0,
): (audioTime: number) => number {
  const { db, rate } = energyEnvelope(pcm, sampleRate);
  const floor = percentile(db, 0.1);
  const top = percentile(db, 0.98);
  const range = Math.max(1e-6, top - floor);
  const level = Float32Array.from(db, (d) => Math.min(1, Math.max(0, (d - floor) / range)));
  return (audioTime) => {
    const f = Math.round((audioTime - audioStart) * rate);
    return f < 0 || f >= level.length ? 0 : level[f]!;
  };
}
