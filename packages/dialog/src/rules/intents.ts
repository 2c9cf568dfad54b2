import { normalizeText } from '../language';

/** What the customer wants, as recognised by the keyword rules. */
export const Intent = {
  human: 'human',
  complaint: 'complaint',
  greeting: 'greeting',
  howAreYou: 'how_are_you',
  whoAreYou: 'who_are_you',
  thanks: 'thanks',
  goodbye: 'goodbye',
  openingHours: 'opening_hours',
  lostCard: 'lost_card',
  transferLimit: 'transfer_limit',
  exchangeRate: 'exchange_rate',
  cardApplication: 'card_application',
  branchService: 'branch_service',
  financialAdvice: 'financial_advice',
  unknown: 'unknown',
} as const;
/** One of the {@link Intent} values. */
export type Intent = (typeof Intent)[keyof typeof Intent];

/** A keyword rule: Chinese substrings and English patterns (matched on normalised text). */
export interface IntentRule {
  readonly intent: Intent;
  readonly zh: readonly string[];
  readonly en: readonly RegExp[];
}

/**
 * The rules, in priority order: "are you a person?" first (it is not a request for one), then asking for a person, then complaints, then FAQ and flows,
 * then small talk (so "hi, I lost my card" is about the card).
 */
export const INTENT_RULES: readonly IntentRule[] = [
  {
    intent: Intent.whoAreYou,
    zh: ['你是谁', '你是机器人', '是真人吗', '你叫什么'],
    en: [/\bwho are you\b/, /\bare you (a )?(robot|bot|ai|real|human|person)\b/, /\byour name\b/],
  },
  {
    intent: Intent.human,
    zh: ['转人工', '人工客服', '找人工', '人工服务', '真人客服', '客服经理', '找个人'],
    en: [
      /\bhuman\b/,
      /\b(real|live) (person|agent)\b/,
      /\btalk to (a|an|some) ?(person|one|body|agent)\b/,
      /\boperator\b/,
      /\brepresentative\b/,
    ],
  },
  {
    intent: Intent.complaint,
    zh: ['投诉', '举报', '太差', '不满意'],
    en: [/\bcomplain/, /\bcomplaint\b/, /\bterrible service\b/],
  },
  {
    intent: Intent.lostCard,
    zh: ['挂失', '卡丢', '丢了卡', '卡不见', '银行卡丢', '卡被偷', '丢失'],
    en: [/\b(lost|stolen|missing)\b.*\bcard\b/, /\bcard\b.*\b(lost|stolen|missing)\b/, /\bfreeze my card\b/],
  },
  {
    intent: Intent.openingHours,
    zh: ['营业时间', '几点开门', '几点关门', '上班时间', '开门', '营业'],
    en: [
      /\bopening hours\b/,
      /\b(open|close|opening|closing)\b.*\b(time|hours|today|when)\b/,
      /\bwhen\b.*\b(open|close)\b/,
      /\bbusiness hours\b/,
    ],
  },
  {
    intent: Intent.transferLimit,
    zh: ['转账限额', '转账额度', '限额', '转账上限', '最多转'],
    en: [/\btransfer limits?\b/, /\blimit\b.*\btransfer/, /\bhow much can i (transfer|send)\b/],
  },
  {
    intent: Intent.exchangeRate,
    zh: ['汇率', '换汇', '外汇', '美元', '兑换'],
    en: [/\bexchange rates?\b/, /\bforeign (currency|exchange)\b/, /\bfx\b/],
  },
  {
    intent: Intent.cardApplication,
    zh: ['办信用卡', '申请信用卡', '信用卡', '办卡', '办张卡'],
    en: [/\bcredit card\b/, /\bapply\b.*\bcard\b/, /\bnew card\b/],
  },
  {
    intent: Intent.financialAdvice,
    zh: ['理财', '投资', '基金', '收益', '存款利率'],
    en: [/\binvest/, /\bwealth\b/, /\bfinancial advice\b/, /\bfunds?\b/, /\bsavings? (plan|product)/],
  },
  {
    intent: Intent.branchService,
    zh: ['取号', '排队', '叫号', '办业务'],
    en: [/\bqueue\b/, /\bticket\b/, /\bnumber\b.*\bwait/],
  },
  {
    intent: Intent.howAreYou,
    zh: ['你好吗', '最近怎么样', '吃了吗'],
    en: [/\bhow are you\b/, /\bhow s it going\b/],
  },
  { intent: Intent.thanks, zh: ['谢谢', '感谢', '多谢'], en: [/\bthanks?\b/, /\bthank you\b/, /\bcheers\b/] },
  {
    intent: Intent.goodbye,
    zh: ['再见', '拜拜', '没事了'],
    en: [/\bbye\b/, /\bgoodbye\b/, /\bsee you\b/, /\bthat s all\b/],
  },
  {
    intent: Intent.greeting,
    zh: ['你好', '您好', '早上好', '下午好', '晚上好', '在吗', '哈喽'],
    en: [/\b(hi|hello|hey|good (morning|afternoon|evening))\b/],
  },
];

/**
 * Finds the first matching intent. Chinese keywords match as substrings of the text without spaces; English
 * patterns match the normalised text.
 */
export function matchIntent(text: string, rules: readonly IntentRule[] = INTENT_RULES): Intent {
  const normal = normalizeText(text);
  const compact = normal.replace(/ /g, '');
  for (const rule of rules) {
    if (rule.zh.some((k) => compact.includes(k))) return rule.intent;
    if (rule.en.some((re) => re.test(normal))) return rule.intent;
  }
  return Intent.unknown;
}
