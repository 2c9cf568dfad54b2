// Character timestamps for the bench's Mandarin sentences, derived from espeak-ng's phone events (what a TTS with
// character alignment, e.g. ElevenLabs or Tencent, would return).
import type { SynthesisResult } from '../../dialog/src/tts/index';
import { ipaToVisemes, type TimedText } from '../src/index';

/** Is this espeak phone a vowel (its first viseme an open shape)? */
function isVowel(phone: string): boolean {
  const first = ipaToVisemes(phone)[0]?.viseme;
  return (
    phone !== '' &&
    (first === 'aa' ||
      first === 'E' ||
      first === 'ih' ||
      first === 'oh' ||
      first === 'ou' ||
      phone.includes('ˈ'))
  );
}

/**
 * Character timestamps for a Mandarin sentence, as a TTS with char alignment gives them: each Han character from
 * its syllable's first phone to the next syllable's (syllable onsets from espeak's phones; an even split of the
 * word when the count does not match).
 */
export function zhCharTimestamps(r: SynthesisResult): TimedText[] {
  const spans: TimedText[] = [];
  for (const w of r.words) {
    const chars = Array.from(w.text).filter((c) => /\p{Script=Han}/u.test(c));
    if (chars.length === 0) continue;
    const phones = r.phonemes.filter(
      (p) => p.start >= w.start - 1e-6 && p.start < w.end - 1e-6 && p.phoneme !== '',
    );
    const onsets: number[] = [];
    let sawVowel = false;
    phones.forEach((p, i) => {
      const vowel = isVowel(p.phoneme);
      const nextVowel = isVowel(phones[i + 1]?.phoneme ?? '');
      const onset =
        onsets.length === 0 ||
        (!vowel && nextVowel && sawVowel) ||
        (!vowel && !/^[nŋ]$/.test(p.phoneme) && sawVowel);
      if (onset && (onsets.length === 0 || sawVowel)) {
        onsets.push(p.start);
        sawVowel = false;
      }
      if (vowel) sawVowel = true;
    });
    const end = phones.at(-1)?.end ?? w.end;
    const times =
      onsets.length === chars.length
        ? onsets
        : chars.map((_, i) => w.start + ((end - w.start) * i) / chars.length);
    chars.forEach((c, i) => {
      spans.push({ text: c, start: times[i]!, end: times[i + 1] ?? end });
    });
  }
  return spans;
}
