import type { Emotion } from './FaceFrame';

/** What {@link estimateTextSentiment} reads in a reply: how positive it is and which face would fit it. */
export interface TextSentiment {
  /** -1 (negative) .. 1 (positive); 0 when no word of the lexicon was found. */
  readonly valence: number;
  /** The emotion that fits the text best, or null for neutral text. */
  readonly emotion: Emotion | null;
  /** How strongly, 0..1. */
  readonly intensity: number;
}

/** One lexicon entry: valence contribution and the emotion it votes for. */
type Entry = readonly [valence: number, emotion: Emotion];

/**
 * The Chinese lexicon (simplified), matched longest-first without word segmentation. Bank-conversation words:
 * good news → happy, apologies and bad news → sad, reassurance → relaxed, astonishment → surprised.
 */
const ZH: Readonly<Record<string, Entry>> = {
  高兴: [0.8, 'happy'],
  开心: [0.8, 'happy'],
  太好了: [1, 'happy'],
  恭喜: [1, 'happy'],
  祝贺: [1, 'happy'],
  欢迎: [0.6, 'happy'],
  谢谢: [0.5, 'happy'],
  感谢: [0.5, 'happy'],
  成功: [0.7, 'happy'],
  通过: [0.6, 'happy'],
  批准: [0.7, 'happy'],
  优惠: [0.5, 'happy'],
  满意: [0.6, 'happy'],
  喜欢: [0.6, 'happy'],
  棒: [0.7, 'happy'],
  不错: [0.6, 'happy'],
  顺利: [0.6, 'happy'],
  好的: [0.3, 'relaxed'],
  好: [0.3, 'happy'],
  抱歉: [-0.5, 'sad'],
  对不起: [-0.5, 'sad'],
  不好意思: [-0.3, 'sad'],
  遗憾: [-0.7, 'sad'],
  可惜: [-0.6, 'sad'],
  失败: [-0.7, 'sad'],
  拒绝: [-0.6, 'sad'],
  难过: [-0.8, 'sad'],
  伤心: [-0.8, 'sad'],
  问题: [-0.2, 'sad'],
  担心: [-0.4, 'sad'],
  麻烦: [-0.3, 'sad'],
  生气: [-0.8, 'angry'],
  愤怒: [-0.9, 'angry'],
  放心: [0.5, 'relaxed'],
  别担心: [0.6, 'relaxed'],
  不用担心: [0.6, 'relaxed'],
  没问题: [0.6, 'relaxed'],
  请稍等: [0.2, 'relaxed'],
  理解: [0.3, 'relaxed'],
  明白: [0.2, 'relaxed'],
  安全: [0.4, 'relaxed'],
  哇: [0.4, 'surprised'],
  竟然: [0.1, 'surprised'],
  居然: [0.1, 'surprised'],
  真的吗: [0.2, 'surprised'],
};

/** The English lexicon, matched per word (lower case, apostrophes kept). */
const EN: Readonly<Record<string, Entry>> = {
  glad: [0.8, 'happy'],
  happy: [0.8, 'happy'],
  great: [0.8, 'happy'],
  congratulations: [1, 'happy'],
  welcome: [0.6, 'happy'],
  thanks: [0.5, 'happy'],
  thank: [0.5, 'happy'],
  approved: [0.8, 'happy'],
  success: [0.7, 'happy'],
  successful: [0.7, 'happy'],
  wonderful: [0.9, 'happy'],
  excellent: [0.9, 'happy'],
  pleased: [0.7, 'happy'],
  delighted: [0.9, 'happy'],
  good: [0.4, 'happy'],
  nice: [0.5, 'happy'],
  perfect: [0.8, 'happy'],
  like: [0.3, 'happy'],
  sorry: [-0.5, 'sad'],
  unfortunately: [-0.7, 'sad'],
  regret: [-0.6, 'sad'],
  apologize: [-0.5, 'sad'],
  apologise: [-0.5, 'sad'],
  declined: [-0.7, 'sad'],
  rejected: [-0.7, 'sad'],
  failed: [-0.7, 'sad'],
  sad: [-0.8, 'sad'],
  problem: [-0.3, 'sad'],
  worry: [-0.4, 'sad'],
  worried: [-0.5, 'sad'],
  angry: [-0.8, 'angry'],
  furious: [-0.9, 'angry'],
  calm: [0.4, 'relaxed'],
  relax: [0.5, 'relaxed'],
  safe: [0.4, 'relaxed'],
  secure: [0.4, 'relaxed'],
  understand: [0.3, 'relaxed'],
  sure: [0.2, 'relaxed'],
  wow: [0.5, 'surprised'],
  amazing: [0.8, 'surprised'],
  surprise: [0.4, 'surprised'],
};

/** Negators: a lexicon word right after one (zh: within 2 characters; en: within 3 words) is flipped. */
const ZH_NEGATORS = ['不', '没', '别', '未', '无', '非'];
const EN_NEGATORS = new Set([
  'not',
  'no',
  'never',
  'without',
  'hardly',
  "don't",
  "doesn't",
  "didn't",
  "isn't",
  "wasn't",
  "can't",
  "won't",
  'cannot',
]);
/** Intensifiers multiply the next lexicon word by 1.5. */
const ZH_INTENSIFIERS = ['很', '非常', '特别', '十分', '太', '真', '超'];
const EN_INTENSIFIERS = new Set(['very', 'so', 'really', 'extremely', 'truly', 'most', 'super']);
const ZH_MAX = Math.max(...Object.keys(ZH).map((w) => w.length));

const NEUTRAL: TextSentiment = Object.freeze({ valence: 0, emotion: null, intensity: 0 });
const CJK = /[\u3400-\u9fff]/;
const WORD = /[a-z']+/g;
const CJK_PUNCT = /[，。！？；、,.!?;]/;
const CLAUSE = /[,.;:!?，。！？；：]+/;

/** Accumulates votes while scanning. */
class Tally {
  sum = 0;
  readonly votes = new Map<Emotion, number>();

  add([valence, emotion]: Entry, negated: boolean, boost: number): void {
    let v = valence * boost;
    let e = emotion;
    if (negated) {
      // "not good" is mildly bad (concern); "no problem" / "don't worry" is mildly reassuring.
      v = -v * 0.7;
      e = v < 0 ? 'sad' : 'relaxed';
    }
    this.sum += v;
    this.votes.set(e, (this.votes.get(e) ?? 0) + Math.abs(v));
  }
}

/** True when one of `words` ends right at `end` in `text`. */
function endsWithAny(text: string, end: number, words: readonly string[]): boolean {
  return words.some((w) => end - w.length >= 0 && text.startsWith(w, end - w.length));
}

/** A negator right before `i`, or one character earlier (不满意, 没有问题), not across punctuation. */
function negatedAt(text: string, i: number): boolean {
  if (endsWithAny(text, i, ZH_NEGATORS)) return true;
  return i >= 1 && !CJK_PUNCT.test(text[i - 1] ?? '') && endsWithAny(text, i - 1, ZH_NEGATORS);
}

function scanChinese(text: string, tally: Tally): void {
  let i = 0;
  while (i < text.length) {
    let matched = 0;
    for (let len = Math.min(ZH_MAX, text.length - i); len > 0; len--) {
      const entry = ZH[text.slice(i, i + len)];
      if (!entry) continue;
      tally.add(entry, negatedAt(text, i), endsWithAny(text, i, ZH_INTENSIFIERS) ? 1.5 : 1);
      matched = len;
      break;
    }
    i += matched || 1;
  }
}

function scanEnglish(text: string, tally: Tally): void {
  // Negation does not cross a clause: "Don't worry, it's safe."
  for (const clause of text
    .toLowerCase()
    .replace(/\u2019/g, "'")
    .split(CLAUSE))
    scanClause(clause, tally);
}

function scanClause(clause: string, tally: Tally): void {
  const words = clause.match(WORD) ?? [];
  for (let i = 0; i < words.length; i++) {
    const entry = EN[words[i]!];
    if (!entry) continue;
    let negated = false;
    for (let k = Math.max(0, i - 3); k < i; k++)
      if (EN_NEGATORS.has(words[k]!) || words[k]!.endsWith("n't")) negated = true;
    const boosted = i > 0 && EN_INTENSIFIERS.has(words[i - 1]!);
    tally.add(entry, negated, boosted ? 1.5 : 1);
  }
}

/**
 * A small lexicon-based sentiment estimate of a reply in Chinese, English or both, with negation (不/没/别/未,
 * not/never/n't) and intensifiers (很/非常, very/so). Meant for the avatar's own words when the dialog service sends
 * no emotion cue: cheap, deterministic, good enough to choose between a smile, concern and calm.
 *
 * @example
 * ```ts
 * estimateTextSentiment('恭喜您，申请已经通过了！'); // { valence: 0.9…, emotion: 'happy', intensity: 0.9… }
 * estimateTextSentiment("Don't worry, it's safe.");  // { valence: > 0, emotion: 'relaxed', … }
 * ```
 */
export function estimateTextSentiment(text: string): TextSentiment {
  const tally = new Tally();
  if (CJK.test(text)) scanChinese(text, tally);
  scanEnglish(text, tally);
  let best: Emotion | null = null;
  let bestVote = 0;
  for (const [emotion, vote] of tally.votes) {
    if (vote > bestVote) {
      best = emotion;
      bestVote = vote;
    }
  }
  if (!best || bestVote < 0.25)
    return tally.sum === 0 ? NEUTRAL : { valence: Math.tanh(tally.sum), emotion: null, intensity: 0 };
  return { valence: Math.tanh(tally.sum), emotion: best, intensity: Math.tanh(bestVote) };
}
