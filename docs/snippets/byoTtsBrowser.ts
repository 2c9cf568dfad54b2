// TTS that runs in the page (its audio plays on the page's AudioContext): schedule the cues on the audio clock.
import type { Mixer } from '@digital-human/core';
import { SpeechDriver, type VisemeCue, VisemeScheduler } from '@digital-human/lipsync';

export function speakWithCues(
  mixer: Mixer,
  context: AudioContext,
  audio: AudioBuffer,
  cues: readonly VisemeCue[],
) {
  const scheduler = new VisemeScheduler({ clock: context });
  mixer.addDriver(new SpeechDriver(scheduler));
  const source = new AudioBufferSourceNode(context, { buffer: audio });
  source.connect(context.destination);
  const startAt = context.currentTime + 0.05;
  source.start(startAt);
  // Cue times count from the first sample; the scheduler compensates the output latency itself.
  scheduler.schedule(cues, startAt);
  return scheduler;
}
