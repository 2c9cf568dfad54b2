import type { Localized } from '../language';
import type { EmotionHint } from '../TurnWriter';
import { Intent } from './intents';
import { Replies, type ReplyKey } from './replies';

/** A canned answer: what to say, how to look, and whether it moves the customer forward. */
export interface CannedAnswer {
  readonly reply: Localized;
  readonly emotion: EmotionHint;
  /** true: progress; false: no progress; null: neutral (small talk neither counts nor resets). */
  readonly progress: boolean | null;
}

const warm: EmotionHint = { emotion: 'happy', intensity: 0.3 };
const calm: EmotionHint = { emotion: 'relaxed', intensity: 0.4 };

const CANNED: Partial<Record<Intent, { key: ReplyKey; emotion: EmotionHint; progress: boolean | null }>> = {
  [Intent.howAreYou]: { key: 'howAreYou', emotion: warm, progress: null },
  [Intent.whoAreYou]: { key: 'whoAreYou', emotion: warm, progress: null },
  [Intent.thanks]: { key: 'thanks', emotion: { emotion: 'happy', intensity: 0.5 }, progress: null },
  [Intent.goodbye]: { key: 'goodbye', emotion: { emotion: 'happy', intensity: 0.5 }, progress: true },
  [Intent.openingHours]: { key: 'openingHours', emotion: warm, progress: true },
  [Intent.lostCard]: { key: 'lostCard', emotion: calm, progress: true },
  [Intent.transferLimit]: { key: 'transferLimit', emotion: warm, progress: true },
  [Intent.exchangeRate]: { key: 'exchangeRate', emotion: warm, progress: true },
};

/** The canned answer for a small-talk or FAQ intent, or null when the intent needs more than a reply. */
export function cannedAnswer(intent: Intent): CannedAnswer | null {
  const entry = CANNED[intent];
  return entry ? { reply: Replies[entry.key], emotion: entry.emotion, progress: entry.progress } : null;
}

/** Which flow an intent starts, if any. */
export const FLOW_INTENTS: Partial<Record<Intent, string>> = {
  [Intent.cardApplication]: 'card_application',
  [Intent.branchService]: 'branch_greeter',
  [Intent.financialAdvice]: 'financial_advisor',
};
