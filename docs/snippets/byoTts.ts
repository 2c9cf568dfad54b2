// Bring your own TTS: each vendor's timing output → canonical viseme cues (seconds of the utterance's audio).
import {
  alibabaToCues,
  azureBlendShapesToCues,
  azureVisemesToCues,
  elevenLabsToCues,
  pollyMarksToCues,
  tencentToCues,
  textToCues,
  type VisemeCue,
} from '@digital-human/lipsync';
import { createMessage, Limits, type MessageOf } from '@digital-human/protocol';

// Azure Speech: collect `synthesizer.visemeReceived` events (audioOffset in 100-ns ticks, visemeId 0–21).
const azure = azureVisemesToCues(
  [
    { audioOffset: 500_000, visemeId: 0 },
    { audioOffset: 1_375_000, visemeId: 21 },
    { audioOffset: 2_250_000, visemeId: 2 },
    { audioOffset: 3_875_000, visemeId: 0 },
  ],
  { totalDuration: 0.45, onWarning: (w) => console.warn(w.code, w.message) },
);
// Azure with `<mstts:viseme type="FacialExpression"/>`: the events' `animation` JSON (55 values per frame, 60 fps).
const azure3d = azureBlendShapesToCues([
  JSON.stringify({ FrameIndex: 0, BlendShapes: [new Array(55).fill(0)] }),
]);

// Amazon Polly: SpeechMarkTypes ['viseme'] returns JSON lines (time in ms).
const polly = pollyMarksToCues(
  '{"time":6,"type":"viseme","value":"p"}\n{"time":97,"type":"viseme","value":"a"}\n{"time":240,"type":"viseme","value":"sil"}',
  { totalDuration: 0.3 },
);

// Alibaba Cloud (Sambert / CosyVoice) with word timestamps: the sentence's words, times in ms.
const alibaba = alibabaToCues({
  sentence: {
    words: [
      { text: '您', begin_time: 0, end_time: 220 },
      { text: '好', begin_time: 220, end_time: 480 },
    ],
  },
});

// Tencent Cloud TTS with EnableSubtitle: `Subtitles`, with toned pinyin for Chinese characters.
const tencent = tencentToCues([
  { Text: '您', BeginTime: 0, EndTime: 230, BeginIndex: 0, EndIndex: 1, Phoneme: 'nin2' },
  { Text: '好', BeginTime: 230, EndTime: 500, BeginIndex: 1, EndIndex: 2, Phoneme: 'hao3' },
]);

// ElevenLabs /with-timestamps (or the websocket): character alignment in seconds.
const elevenLabs = elevenLabsToCues({
  characters: ['H', 'i', '!'],
  character_start_times_seconds: [0, 0.12, 0.25],
  character_end_times_seconds: [0.12, 0.25, 0.3],
});

// No timing at all: estimate from the text at a nominal speaking rate.
const estimated = textToCues('您好，请问办理什么业务？');

/** Cues (seconds) → `speech.visemes` messages (ms on the wire, at most `Limits.maxCuesPerChunk` per message). */
export function toVisemeMessages(
  utteranceId: string,
  cues: readonly VisemeCue[],
): MessageOf<'speech.visemes'>[] {
  const messages: MessageOf<'speech.visemes'>[] = [];
  for (let i = 0, seq = 0; i < cues.length; i += Limits.maxCuesPerChunk, seq++) {
    const chunk = cues.slice(i, i + Limits.maxCuesPerChunk).map((c) => {
      const t = Math.round(c.start * 1000);
      const d = Math.max(0, Math.round(c.end * 1000) - t);
      return c.weight === undefined ? { v: c.viseme, t, d } : { v: c.viseme, t, d, w: c.weight };
    });
    messages.push(createMessage('speech.visemes', { utteranceId, seq, cues: chunk }));
  }
  return messages;
}

export const examples = { azure, azure3d, polly, alibaba, tencent, elevenLabs, estimated };
