const ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES = ['', ' thousand', ' million', ' billion', ' trillion'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const ORDINAL_WORDS: Readonly<Record<string, string>> = {
  one: 'first',
  two: 'second',
  three: 'third',
  five: 'fifth',
  eight: 'eighth',
  nine: 'ninth',
  twelve: 'twelfth',
};

function below1000(n: number): string {
  const parts: string[] = [];
  if (n >= 100) parts.push(`${ONES[Math.floor(n / 100)]} hundred`);
  const rest = n % 100;
  if (rest >= 20) parts.push(TENS[Math.floor(rest / 10)]! + (rest % 10 ? `-${ONES[rest % 10]}` : ''));
  else if (rest > 0 || parts.length === 0) parts.push(ONES[rest]!);
  return parts.join(' ');
}

/** Reads a non-negative integer: 20000 → 'twenty thousand'. Beyond 10^15 digit by digit. */
export function enCardinal(value: string): string {
  const digits = value.replace(/^0+(?=\d)/, '');
  if (digits.length > 15) return enDigits(digits);
  let n = Number(digits);
  if (n === 0) return 'zero';
  const parts: string[] = [];
  for (let scale = 0; n > 0; scale++, n = Math.floor(n / 1000)) {
    const group = n % 1000;
    if (group) parts.unshift(below1000(group) + SCALES[scale]!);
  }
  return parts.join(' ');
}

/** Reads each digit: '42' → 'four two'. */
export function enDigits(digits: string): string {
  return Array.from(digits.replace(/\D/g, ''), (d) => ONES[Number(d)]).join(' ');
}

/** Reads a decimal: '3.5' → 'three point five'. */
export function enNumber(value: string): string {
  const negative = value.startsWith('-');
  const [int = '0', frac] = value.replace(/^[-+]/, '').replace(/,/g, '').split('.');
  const read = enCardinal(int) + (frac ? ` point ${enDigits(frac)}` : '');
  return negative ? `minus ${read}` : read;
}

/** 'twenty-one' → 'twenty-first'. */
export function enOrdinal(n: number): string {
  const words = enCardinal(String(n));
  return words.replace(
    /(\w+)$/,
    (w) => ORDINAL_WORDS[w] ?? (w.endsWith('y') ? `${w.slice(0, -1)}ieth` : `${w}th`),
  );
}

/** Reads a year: 2024 → 'twenty twenty-four', 2005 → 'two thousand five', 1999 → 'nineteen ninety-nine'. */
export function enYear(year: number): string {
  if (year >= 2000 && year < 2010) return enCardinal(String(year));
  const hi = Math.floor(year / 100);
  const lo = year % 100;
  return `${below1000(hi)} ${lo === 0 ? 'hundred' : lo < 10 ? `oh ${ONES[lo]}` : below1000(lo)}`;
}

const NUM = String.raw`[-+]?\d[\d,]*(?:\.\d+)?`;
const CURRENCIES_EN: Readonly<Record<string, [string, string]>> = {
  '¥': ['yuan', 'fen'],
  '￥': ['yuan', 'fen'],
  $: ['dollars', 'cents'],
  '€': ['euros', 'cents'],
  '£': ['pounds', 'pence'],
};

function money(symbol: string, amount: string): string {
  const [unit, sub] = CURRENCIES_EN[symbol]!;
  const [int = '0', frac] = amount.replace(/,/g, '').split('.');
  const cents = frac ? Number(frac.padEnd(2, '0').slice(0, 2)) : 0;
  const main = `${enCardinal(int)} ${int === '1' && unit !== 'yuan' ? unit.slice(0, -1) : unit}`;
  return cents ? `${main} and ${enCardinal(String(cents))} ${sub}` : main;
}

/**
 * Spells out numbers in an English sentence: ISO dates (2024-03-05 → March fifth, twenty twenty-four), currency
 * ($1,200.50, ¥20,000 → twenty thousand yuan), percent, ordinals (21st), standalone years, decimals, integers.
 */
export function normalizeEn(text: string): string {
  return text
    .replace(/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g, (_, y, m, d) => {
      const month = MONTHS[Number(m) - 1];
      return month ? `${month} ${enOrdinal(Number(d))}, ${enYear(Number(y))}` : `${y} ${m} ${d}`;
    })
    .replace(new RegExp(String.raw`([¥￥$€£])\s*(${NUM})`, 'g'), (_, c: string, n: string) => money(c, n))
    .replace(new RegExp(String.raw`(${NUM})\s*[%％]`, 'g'), (_, n: string) => `${enNumber(n)} percent`)
    .replace(/\b(\d+)(st|nd|rd|th)\b/g, (_, n: string) => enOrdinal(Number(n)))
    .replace(/\b(1[1-9]\d\d|20\d\d)\b(?![.,]\d)/g, (y: string) => enYear(Number(y)))
    .replace(new RegExp(NUM, 'g'), (n) => enNumber(n));
}
