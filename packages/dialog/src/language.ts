/** The languages the reference dialog speaks. */
export const DialogLanguage = {
  zh: 'zh-CN',
  en: 'en',
} as const;
/** One of the {@link DialogLanguage} values. */
export type DialogLanguage = (typeof DialogLanguage)[keyof typeof DialogLanguage];

/** A text in every dialog language. */
export type Localized = Readonly<Record<DialogLanguage, string>>;

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const LATIN = /[A-Za-z]{2,}/;

/** Maps a BCP 47 tag to a dialog language (anything Chinese → zh-CN, else en). */
export function toDialogLanguage(
  tag: string | undefined,
  fallback: DialogLanguage = DialogLanguage.zh,
): DialogLanguage {
  if (!tag) return fallback;
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) return DialogLanguage.zh;
  if (lower.startsWith('en')) return DialogLanguage.en;
  return fallback;
}

/** Guesses the language of a customer's text: Han characters → zh-CN, Latin words → en, else `fallback`. */
export function detectLanguage(text: string, fallback: DialogLanguage): DialogLanguage {
  if (HAN.test(text)) return DialogLanguage.zh;
  if (LATIN.test(text)) return DialogLanguage.en;
  return fallback;
}

/** Lower-cases, folds full-width forms and collapses whitespace and punctuation, for keyword matching. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, ' ')
    .trim();
}
