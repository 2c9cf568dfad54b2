import type { AudioContextLike } from '@digital-human/core';
import { SpeechDriver, textToCues, VisemeScheduler } from '@digital-human/lipsync';
import type { DigitalHumanSession } from '../src/createDigitalHumanSession';

/** A clock standing in for an `AudioContext`: stories play no audio, so the page clock is the audio clock. */
const pageClock: AudioContextLike = {
  get currentTime() {
    return performance.now() / 1000;
  },
};

/** Seconds of silence between two repetitions. */
const GAP = 1.2;

/**
 * Story-only: says `text` again and again without audio. Lipsync's text-to-visemes (Mandarin through pinyin,
 * English through its G2P) gives the cues, a `VisemeScheduler` on the page clock plays them, and a `SpeechDriver`
 * moves the mouth through the session mixer; the text is the caption and `speaking` is set while it plays.
 * Returns the function that stops it.
 */
export function startSpeechLoop(
  session: DigitalHumanSession,
  text: string,
  language: 'zh' | 'en',
): () => void {
  const scheduler = new VisemeScheduler({ clock: pageClock, latency: 0 });
  const removeDriver = session.mixer.addDriver(new SpeechDriver(scheduler));
  const cues = textToCues(text, { language });
  const duration = cues.reduce((end, cue) => Math.max(end, cue.end), 0);
  const state = session.store.getState;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let count = 0;
  const sayOnce = (): void => {
    count++;
    scheduler.schedule(cues, pageClock.currentTime + 0.05);
    state().upsertCaption({ id: `story-${count}`, speaker: 'agent', text, final: true });
    state().setSpeaking(true);
    timer = setTimeout(() => {
      state().setSpeaking(false);
      timer = setTimeout(sayOnce, GAP * 1000);
    }, duration * 1000);
  };
  sayOnce();
  return () => {
    clearTimeout(timer);
    removeDriver();
    scheduler.dispose();
    state().setSpeaking(false);
  };
}
