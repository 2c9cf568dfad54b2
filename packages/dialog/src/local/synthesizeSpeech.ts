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

/** One synthesised utterance, transport-neutral: 16-bit mono PCM plus viseme cues on its audio time. */
export interface SpokenUtterance {
  /** The say request's id: `speech.start`, `speech.visemes` and the audio carry it. */
  readonly utteranceId: string;
  readonly text: string;
  readonly language: DialogLanguage;
  readonly sampleRate: number;
  /** 16-bit PCM, mono. */
  readonly samples: Int16Array;
  /** Viseme cues, seconds from the first sample. */
  readonly cues: readonly TransportVisemeCue[];
}

/** Synthesises one say request to 16-bit PCM plus its viseme cues (seconds from the first sample). */
export function synthesizeUtterance(tts: EspeakSynthesizer, say: SayRequest): SpokenUtterance {
  const hasHan = /\p{Script=Han}/u.test(say.text);
  const voice = hasHan ? LOCAL_VOICES[DialogLanguage.zh] : LOCAL_VOICES[say.language];
  const result = tts.synthesize(say.text, { voice });
  const cues: TransportVisemeCue[] = result.visemes.map((c) =>
    c.weight === undefined
      ? { viseme: c.viseme, start: c.start, end: c.end }
      : { viseme: c.viseme, start: c.start, end: c.end, weight: c.weight },
  );
  return { ...say, sampleRate: result.sampleRate, samples: result.samples, cues };
}

/** An utterance as the page's {@link SpeechReply}: float PCM for Web Audio. */
export function toSpeechReply(utterance: SpokenUtterance): SpeechReply {
  return {
    kind: 'speech',
    utteranceId: utterance.utteranceId,
    sampleRate: utterance.sampleRate,
    samples: toFloat32(utterance.samples),
    cues: utterance.cues,
  };
}

/** Synthesises one say request to float PCM plus its viseme cues (seconds from the first sample). */
export function synthesizeSpeech(tts: EspeakSynthesizer, say: SayRequest): SpeechReply {
  return toSpeechReply(synthesizeUtterance(tts, say));
}
