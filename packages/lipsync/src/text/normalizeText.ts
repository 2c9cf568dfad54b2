import { isHan } from './mandarin';
import { normalizeEn } from './numbersEn';
import { normalizeZh } from './numbersZh';

/** The reading language of a sentence: 'zh' when it contains Han characters, else 'en'. */
export function sentenceLanguage(text: string): 'zh' | 'en' {
  for (const char of text) if (isHan(char)) return 'zh';
  return 'en';
}

/**
 * Spells out digits, amounts, percentages and dates the way a TTS reads them, sentence by sentence: in a Chinese
 * sentence ("年化 3.5%" → "年化 百分之三点五", "¥20,000" → "两万元"), otherwise in English ("twenty thousand yuan").
 */
export function normalizeText(text: string, language?: 'zh' | 'en'): string {
  const sentences = text.match(/[^。！？!?\n]+[。！？!?\n]*|[。！？!?\n]+/g) ?? [];
  return sentences
    .map((s) => ((language ?? sentenceLanguage(s)) === 'zh' ? normalizeZh(s) : normalizeEn(s)))
    .join('');
}
