/** A timed span (a word, a character) and the nominal duration of what it says, in seconds. */
export interface NominalSpan {
  start: number;
  end: number;
  /** Sum of the nominal durations of the span's phones or syllables (0 when it says nothing). */
  nominal: number;
  /** The same said before a pause, with phrase-final lengthening (default `nominal`). */
  finalNominal?: number;
}

/** Where a span's speech ends, and whether it ends a phrase (a pause follows, or it is the last span). */
export interface SpeechEnd {
  end: number;
  final: boolean;
}

/**
 * Default {@link speechEnds} stretch: a span may last this many times its nominal duration at the utterance's
 * rate before the rest of it counts as a pause. Chosen on espeak-ng speech of the training sentences
 * (bench/trainingSentences.ts; 90 % of words not followed by a pause last at most 1.24 times their nominal
 * duration, words followed by one typically 1.36 with the pause included): 1.2 gave the fewest text-path onsets
 * off by more than 60 ms there (13.3 %, against 13.6 % at 1.3 and 13.9 % at 1.1).
 */
export const PAUSE_STRETCH = 1.2;

/**
 * Stretch allowed to the last span: utterance-final lengthening is stronger than before a comma (espeak-ng training
 * speech: final vowels up to twice their mean), and capping it at {@link PAUSE_STRETCH} cut it short (13.3 % of
 * onsets off by > 60 ms, against 13.0 % from 1.35 up); 1.5 still ends a last word that runs into trailing silence.
 */
export const LAST_SPAN_STRETCH = 1.5;

/** Fewest spans from which the speaking rate is estimated; with fewer, spans are taken as they are. */
const MIN_SPANS_FOR_RATE = 3;

/**
 * Where the speech of each span ends. Word timestamps often run to the next word's start (Polly and Google marks
 * give starts only; espeak-ng's word events too), so a word before a comma carries the pause. Spread over the whole
 * span, its phones would land late; instead a span longer than `stretch` times its nominal duration at the
 * utterance's speaking rate (the median span/nominal ratio) is taken to end a phrase: its speech, lengthened as
 * before a pause, ends at most `stretch` times its final nominal duration after its start, and the rest is
 * silence. The last span ends a phrase too, with at most {@link LAST_SPAN_STRETCH}.
 */
export function speechEnds(spans: readonly NominalSpan[], stretch = PAUSE_STRETCH): SpeechEnd[] {
  const ratios = spans
    .filter((s) => s.nominal > 0 && s.end > s.start)
    .map((s) => (s.end - s.start) / s.nominal)
    .sort((a, b) => a - b);
  const rate = ratios.length >= MIN_SPANS_FOR_RATE ? ratios[ratios.length >> 1]! : Number.POSITIVE_INFINITY;
  return spans.map((s, i) => {
    const paused = s.end - s.start > s.nominal * rate * stretch;
    if (!paused && i < spans.length - 1) return { end: s.end, final: false };
    const longest =
      (s.finalNominal ?? s.nominal) *
      rate *
      (i === spans.length - 1 ? Math.max(stretch, LAST_SPAN_STRETCH) : stretch);
    return { end: Math.min(s.end, s.start + longest), final: true };
  });
}
