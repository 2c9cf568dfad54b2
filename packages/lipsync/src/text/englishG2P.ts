import { ENGLISH_LEXICON, LETTER_NAMES } from './englishLexicon';
import { LETTER_RULES } from './englishRules';

const VOWEL = /^(AA|AE|AH|AO|AW|AY|EH|ER|EY|IH|IY|OW|OY|UH|UW)/;
const cache = new Map<string, string[]>();
const lexicon = (w: string): string | undefined =>
  Object.hasOwn(ENGLISH_LEXICON, w) ? ENGLISH_LEXICON[w] : undefined;

/**
 * English word → ARPAbet phones with stress digits on vowels. Common words come from a small lexicon; others from
 * letter-to-sound rules with the first vowel stressed and unstressed `AH` reduced to schwa (`AH0`).
 * Possessives and plurals of lexicon words are derived; all-capital acronyms not in the lexicon are spelled out
 * (ATM → EY T IY EH M). Non-letters are ignored.
 */
export function englishToPhones(word: string): string[] {
  const w = word.toLowerCase().replace(/[^a-z']/g, '');
  if (/^[A-Z]{2,5}$/.test(word) && !lexicon(w)) {
    return Array.from(w).flatMap((letter) => (LETTER_NAMES[letter] ?? '').split(' ').filter(Boolean));
  }
  const hit = cache.get(w);
  if (hit) return hit;
  const phones = lookup(w) ?? applyRules(w.replace(/'/g, ''));
  if (cache.size < 5000) cache.set(w, phones);
  return phones;
}

/** Compounds of a lexicon head and a common tail: anyone, everything, somewhere, nobody, sometimes. */
const COMPOUND = /^(any|every|some|no)(one|thing|body|where|times?|how|way)$/;

function lookup(w: string): string[] | null {
  const direct = lexicon(w);
  if (direct) return direct.split(' ');
  const parts = COMPOUND.exec(w);
  if (parts?.[1] && parts[2]) {
    const tail = englishToPhones(parts[2]).map((p) => p.replace('1', '2'));
    return [...englishToPhones(parts[1]), ...tail];
  }
  const stem = w.replace(/'?s$/, '');
  const base = stem !== w ? lexicon(stem) : undefined;
  if (!base) return null;
  const last = base.split(' ').pop() ?? '';
  const suffix = /^(S|Z|SH|ZH|CH|JH)$/.test(last) ? 'IH0 Z' : /^(P|T|K|F|TH)$/.test(last) ? 'S' : 'Z';
  return `${base} ${suffix}`.split(' ');
}

function applyRules(w: string): string[] {
  const phones: string[] = [];
  let i = 0;
  while (i < w.length) {
    const rest = w.slice(i);
    const before = w.slice(0, i);
    const rule = LETTER_RULES.find(
      ([letters, right, left]) =>
        rest.startsWith(letters) &&
        (!right || right.test(rest.slice(letters.length))) &&
        (!left || left.test(before)),
    );
    if (!rule) {
      i++;
      continue;
    }
    if (rule[3]) phones.push(...rule[3].split(' '));
    // a doubled consonant is one sound
    i += rule[0].length;
    if (rule[0].length === 1 && w[i] === rule[0] && !/[aeiouy]/.test(rule[0])) i++;
  }
  return stress(phones, unstressedPrefix(w));
}

/**
 * Prefixes that are unstressed before a stressed one-syllable root (before, decide, return, because): be-, de-,
 * re- before a single consonant. Longer words are left alone (benefit, register, reference).
 */
function unstressedPrefix(w: string): boolean {
  if (!/^(be|de|re)[bcdfghjklmnpqstvwz][aeiouy]/.test(w)) return false;
  const root = w.slice(2).replace(/([^aeiouy])e[sd]?$/, '$1');
  return (root.match(/[aeiouy]+/g) ?? []).length === 1;
}

function stress(phones: string[], prefix = false): string[] {
  let stressed = false;
  let first = true;
  return phones.map((p) => {
    if (!VOWEL.test(p) || /\d$/.test(p)) return p;
    if (prefix && first) {
      first = false;
      return 'IH0';
    }
    if (!stressed) {
      stressed = true;
      return `${p}1`;
    }
    return p === 'AH' ? 'AH0' : `${p}0`;
  });
}

const LINKED_BEFORE_VOWEL: Readonly<Record<string, string>> = { the: 'DH IY0', to: 'T UW0' };

/**
 * The phones of `word` as said before `next`: "the" and "to" keep a full vowel before a vowel (the apple, to open)
 * and a schwa elsewhere. Returns null when the context changes nothing.
 */
export function linkedPhones(word: string, next: string): string[] | null {
  const linked = LINKED_BEFORE_VOWEL[word.toLowerCase()];
  if (!linked || !VOWEL.test(englishToPhones(next)[0] ?? '')) return null;
  return linked.split(' ');
}
