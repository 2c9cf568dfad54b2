const DIGITS = '零一二三四五六七八九';
const SMALL_UNITS = ['', '十', '百', '千'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

/** Reads each digit: '2024' → 二零二四 (years, phone and card numbers, decimals). */
export function zhDigits(digits: string): string {
  return digits.replace(/\d/g, (d) => DIGITS[Number(d)]!);
}

/** Reads a 1..9999 group; `leading` says whether it opens the number (两 and the bare 十 are used there). */
function zhGroup(n: number, leading: boolean): string {
  let out = '';
  let zero = false;
  for (let u = 3; u >= 0; u--) {
    const d = Math.floor(n / 10 ** u) % 10;
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += '零';
    zero = false;
    const first = leading && out === '';
    if (u === 1 && d === 1 && first) out += '十';
    else if (d === 2 && u >= 2 && first) out += `两${SMALL_UNITS[u]}`;
    else out += DIGITS[d]! + SMALL_UNITS[u]!;
  }
  return out;
}

/**
 * Reads a non-negative integer the way Mandarin TTS does: 20000 → 两万, 12 → 十二, 1005 → 一千零五,
 * 2 → 二, 200 → 两百. Numbers beyond 10^16 are read digit by digit.
 */
export function zhCardinal(value: string): string {
  const digits = value.replace(/^0+(?=\d)/, '');
  if (digits.length > 16) return zhDigits(digits);
  const n = Number(digits);
  if (n === 0) return '零';
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let out = '';
  let pendingZero = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const group = groups[g]!;
    if (group === 0) {
      pendingZero = out !== '';
      continue;
    }
    const leading = out === '';
    if (!leading && (pendingZero || group < 1000)) out += '零';
    pendingZero = false;
    const read = leading && group === 2 && g > 0 ? '两' : zhGroup(group, leading);
    out += read + BIG_UNITS[g]!;
  }
  return out;
}

/** Reads a decimal string: '3.5' → 三点五; '-2' → 负二. */
export function zhNumber(value: string): string {
  const negative = value.startsWith('-');
  const [int = '0', frac] = value.replace(/^[-+]/, '').replace(/,/g, '').split('.');
  const read = zhCardinal(int) + (frac ? `点${zhDigits(frac)}` : '');
  return negative ? `负${read}` : read;
}

const NUM = String.raw`[-+]?\d[\d,]*(?:\.\d+)?`;
const CURRENCIES_ZH: Readonly<Record<string, string>> = {
  '¥': '元',
  '￥': '元',
  $: '美元',
  '€': '欧元',
  '£': '英镑',
};

/**
 * Spells out numbers in a Chinese sentence: dates (2024-03-05, 2024年3月5日), currency (¥20,000 → 两万元),
 * percent (3.5% → 百分之三点五), years before 年 digit by digit, long digit runs (cards, phones) digit by digit.
 */
export function normalizeZh(text: string): string {
  return text
    .replace(
      /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})日?/g,
      (_, y, m, d) => `${zhDigits(y)}年${zhCardinal(m)}月${zhCardinal(d)}日`,
    )
    .replace(/(\d{4})\s*年/g, (_, y) => `${zhDigits(y)}年`)
    .replace(new RegExp(String.raw`([¥￥$€£])\s*(${NUM})`, 'g'), (_, c: string, n: string) => {
      return zhNumber(n) + CURRENCIES_ZH[c]!;
    })
    .replace(new RegExp(String.raw`(${NUM})\s*[%％]`, 'g'), (_, n: string) => `百分之${zhNumber(n)}`)
    .replace(/\d{12,}|0\d{4,}/g, (digits) => zhDigits(digits))
    .replace(new RegExp(NUM, 'g'), (n) => zhNumber(n));
}
