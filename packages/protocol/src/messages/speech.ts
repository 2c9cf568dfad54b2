import { Limits } from '../limits';
import { array, boolean, enumOf, number, object, optional, refine } from '../schemaIndex';
import { id, language, message, millis, text, unit } from './common';

/**
 * The 15 canonical viseme names, in `@digital-human/core`'s index order (duplicated here because the protocol
 * has no dependencies; a test in `dialog` keeps the two lists equal).
 */
export const VISEME_NAMES = [
  'sil',
  'PP',
  'FF',
  'TH',
  'DD',
  'kk',
  'CH',
  'SS',
  'nn',
  'RR',
  'aa',
  'E',
  'ih',
  'oh',
  'ou',
] as const;

/** How an utterance's audio reaches the browser (see `speech.start`). */
export const SPEECH_AUDIO = ['stream', 'track'] as const;

/** Who is speaking in a caption or transcript. */
export const SPEAKERS = ['agent', 'operator', 'customer'] as const;

/** One viseme cue: viseme `v` from `t` for `d` milliseconds of the utterance's audio time. */
export const visemeCueSchema = object({
  v: enumOf(VISEME_NAMES),
  t: millis(),
  d: number(0, 10_000),
  /** Optional weight 0..1 (default 1). */
  w: optional(unit()),
});

/** The avatar starts an utterance; cue times count from its first audio sample. */
export const speechStartSchema = message('speech.start', {
  utteranceId: id(),
  text: optional(text()),
  language: optional(language()),
  /** The utterance's audio duration when known, ms. */
  durationMs: optional(millis()),
  /**
   * How its audio travels: `stream` (default: PCM on `lk.audio_stream`, its attribute `dh.utterance_id` naming
   * the utterance) or `track` (the sender's published audio track). For `track`, send `speech.start` before the
   * audio, begin the utterance after at least 150 ms of silence on the track, and give `durationMs`: the browser
   * anchors the utterance on its first audible sample as the track plays out (the receiver's RTP playout timestamps
   * and audio levels when the path carries them, else the rendered track), never on arrival time.
   */
  audio: optional(enumOf(SPEECH_AUDIO)),
  /** For `audio: 'track'`: ms of silence at the head of the utterance before its first audible sample. */
  leadInMs: optional(millis()),
});

/** The utterance ended (played out, or interrupted). */
export const speechEndSchema = message('speech.end', {
  utteranceId: id(),
  interrupted: optional(boolean()),
});

/** A chunk of viseme cues for one utterance, in ms of audio time; chunks arrive in `seq` order. */
export const speechVisemesSchema = refine(
  message('speech.visemes', {
    utteranceId: id(),
    seq: number(0, 1_000_000, { int: true }),
    cues: array(visemeCueSchema, Limits.maxCuesPerChunk),
  }),
  (m) => m.cues.every((c, i) => i === 0 || c.t >= m.cues[i - 1]!.t),
  'cue times must not decrease',
);

/** What the avatar (agent or operator) says, as text; `final` false for a partial that will be replaced. */
export const speechCaptionSchema = message('speech.caption', {
  utteranceId: optional(id()),
  speaker: enumOf(SPEAKERS),
  text: text(),
  final: boolean(),
  language: optional(language()),
});

/** What the customer said, as recognised by an ASR; `final` false while still recognising. */
export const speechTranscriptSchema = message('speech.transcript', {
  segmentId: id(),
  speaker: enumOf(SPEAKERS),
  text: text(),
  final: boolean(),
  language: optional(language()),
});
