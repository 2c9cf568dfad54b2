import { pinyin } from 'pinyin-pro';

/** A Han character with its toneless pinyin, chosen by pinyin-pro from the context (polyphones: 银行 háng). */
export interface HanSyllable {
  char: string;
  pinyin: string;
}

/** True for a CJK unified ideograph. */
export function isHan(char: string): boolean {
  return /\p{Script=Han}/u.test(char);
}

/**
 * Pinyin for every character of `text` (non-Han characters get ''): the whole string is given to pinyin-pro at
 * once so its word segmentation and context rules pick the reading of polyphonic characters.
 */
export function hanziToPinyin(text: string): HanSyllable[] {
  const chars = Array.from(text);
  if (!chars.some(isHan)) return chars.map((char) => ({ char, pinyin: '' }));
  const all = pinyin(text, { type: 'all', toneType: 'none', v: true });
  return all.map((item) => ({ char: item.origin, pinyin: item.isZh ? item.pinyin : '' }));
}
