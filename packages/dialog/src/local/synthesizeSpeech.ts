import type { TransportVisemeCue } from '@digital-human/protocol';
import { DialogLanguage } from '../language';
import type { SayRequest } from '../TurnWriter';
import { type EspeakSynthesizer, toFloat32 } from '../tts/EspeakSynthesizer';
import type { SpeechReply } from './hostMessages';

/** The dev voices: a female Mandarin and a female American English voice. */
export const LOCAL_VOICES: Readonly<Record<DialogLanguage, string>> = {
  [DialogLanguage.zh]: 'cmn+f2',
  [DialogLanguage.en]: 'en-us+f3',
};

/** Synthesises one say request to float PCM plus its viseme cues (seconds from the first sample). */
export function synthesizeSpeech(tts: EspeakSynthesizer, say: SayRequest): SpeechReply {
  const hasHan = /\p{Script=Han}/u.test(say.text);
  const voice = hasHan ? LOCAL_VOICES[DialogLanguage.zh] : LOCAL_VOICES[say.language];
  const result = tts.synthesize(say.text, { voice });
  const cues: TransportVisemeCue[] = result.visemes.map((c) =>
    c.weight === undefined
      ? { viseme: c.viseme, start: c.start, end: c.end }
      : { viseme: c.viseme, start: c.start, end: c.end, weight: c.weight },
  );
  return {
    kind: 'speech',
    utteranceId: say.utteranceId,
    sampleRate: result.sampleRate,
    samples: toFloat32(result.samples),
    cues,
  };
}
