// Measurements of the full-stack e2e on the page's audio clock: where the mouth was open against when the speech's
// audio was rendered.
import type { FullstackLog, MouthSample } from './fullstack-page/fullstackApi';

/** Total viseme weight above which the mouth counts as open. */
export const MOUTH_OPEN = 0.1;
/** RMS above which the player's output counts as sound. */
export const SOUND_RMS = 0.003;

/** One utterance's audio on the audio clock: rendered from `start` to `end` (seconds). */
export interface SpeechWindow {
  readonly utteranceId: string;
  readonly start: number;
  readonly end: number;
}

/** The audio windows of every utterance that started and finished, from the transport's events. */
export function speechWindows(log: FullstackLog): SpeechWindow[] {
  const windows: SpeechWindow[] = [];
  for (const s of log.speechstarted) {
    const f = log.speechfinished.find((e) => e.utteranceId === s.utteranceId);
    if (f) windows.push({ utteranceId: s.utteranceId, start: s.startTime, end: s.startTime + f.position });
  }
  return windows;
}

/**
 * How the mouth followed the audio: open samples outside every window (allowing `early` before and `late` after,
 * for the sampling period and the output latency the mouth waits for), the first opening against the first
 * window's start, and the share of open samples with sound rendered.
 */
export function syncReport(
  samples: readonly MouthSample[],
  windows: readonly SpeechWindow[],
  early = 0.03,
  late = 0.12,
) {
  const open = samples.filter((s) => s.mouth > MOUTH_OPEN);
  const inside = (t: number) => windows.some((w) => t >= w.start - early && t <= w.end + late);
  const outside = open.filter((s) => !inside(s.t));
  const first = windows[0];
  const firstOpen = first
    ? open.find((s) => s.t >= first.start - early && s.t <= first.end + late)
    : undefined;
  const loud = open.filter((s) => s.rms > SOUND_RMS).length;
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    utterances: windows.length,
    audioSeconds: round(windows.reduce((sum, w) => sum + (w.end - w.start), 0)),
    openSamples: open.length,
    openOutsideAudio: outside.length,
    onsetErrorMs: first && firstOpen ? round((firstOpen.t - first.start) * 1000) : Number.NaN,
    loudWhileOpen: open.length > 0 ? round((loud / open.length) * 100) / 100 : 0,
  };
}
