import type { Localized } from '../language';

/**
 * What the reference dialog says, in zh-CN and en. Facts are generic placeholders a bank replaces with its own
 * (hours, limits, hotline): they describe a fictional bank and are labelled as such in the demo.
 */
export const Replies = {
  greeting: {
    'zh-CN': '您好，我是智能数字助理小安，由人工智能生成。请问有什么可以帮您？',
    en: "Hello, I'm An, the bank's AI-generated digital assistant. How can I help you today?",
  },
  greetingAgain: {
    'zh-CN': '您好！请问还有什么可以帮您？',
    en: 'Hello again! What else can I do for you?',
  },
  howAreYou: {
    'zh-CN': '我很好，谢谢关心！您今天想办理什么业务呢？',
    en: "I'm doing well, thank you for asking! What can I help you with today?",
  },
  whoAreYou: {
    'zh-CN': '我是银行的人工智能数字助理，不是真人。如果您需要，我可以随时为您转接人工客服。',
    en: "I'm the bank's AI digital assistant, not a person. If you like, I can connect you to a human colleague at any time.",
  },
  thanks: { 'zh-CN': '不客气，很高兴能帮到您。', en: "You're welcome, glad I could help." },
  goodbye: { 'zh-CN': '感谢您的光临，再见！', en: 'Thank you for visiting. Goodbye!' },
  openingHours: {
    'zh-CN': '我们的网点一般周一至周五9:00至17:00营业，部分网点周末也营业。具体以您所在网点公告为准。',
    en: 'Our branches are usually open Monday to Friday, 9:00 to 17:00, and some also open at weekends. Please check your branch for its exact hours.',
  },
  lostCard: {
    'zh-CN': '请不要着急。您可以立即在手机银行里临时挂失，或拨打客服热线挂失，之后带上身份证到网点补办新卡。',
    en: "Please don't worry. You can freeze the card right away in the mobile app or through the hotline, then bring your ID to a branch for a replacement.",
  },
  transferLimit: {
    'zh-CN':
      '手机银行转账限额与您的认证方式有关，一般单笔和单日都有上限。您可以在手机银行“安全设置”里查看和调整。',
    en: "Mobile transfer limits depend on how you authenticate; there is a per-transfer and a daily limit. You can view and adjust them under 'Security settings' in the app.",
  },
  exchangeRate: {
    'zh-CN':
      '汇率随市场实时变动，我这里不提供报价。请以手机银行或网点实时公布的牌价为准，交易时以成交价为准。',
    en: "Exchange rates move with the market, so I can't quote one. Please check the live rates in the app or at a branch; the rate at the time of your transaction applies.",
  },
  handoff: {
    'zh-CN': '好的，正在为您转接人工客服，请稍候。',
    en: 'Of course. I am connecting you to a human colleague, please wait a moment.',
  },
  complaint: {
    'zh-CN': '非常抱歉给您带来不好的体验。我马上为您转接专人处理您的意见。',
    en: "I'm very sorry about your experience. I'm connecting you to a colleague who will take care of your complaint.",
  },
  handoffSentiment: {
    'zh-CN': '看起来我没能很好地帮到您，我请一位同事来为您服务，请稍候。',
    en: "It looks like I haven't been much help. Let me bring in a colleague for you, one moment please.",
  },
  handoffNoProgress: {
    'zh-CN': '抱歉我暂时没能理解您的需求，我为您转接人工客服。',
    en: "Sorry I haven't understood what you need. Let me connect you to a human colleague.",
  },
  handBack: {
    'zh-CN': '我回来了，还有什么可以继续帮您？',
    en: "I'm back. Is there anything else I can help you with?",
  },
  fallback: {
    'zh-CN': '抱歉，我没有理解您的意思。您可以换个说法，或者点击下面的选项。',
    en: "Sorry, I didn't quite get that. Could you rephrase, or pick one of the options below?",
  },
  flowUnavailable: {
    'zh-CN': '抱歉，这项服务在这里暂时还不能办理。我可以为您转接人工客服，或者回答其他问题。',
    en: "Sorry, I can't help with that service here yet. I can connect you to a human colleague, or answer another question.",
  },
  llmUnavailable: {
    'zh-CN': '抱歉，我现在无法回答这个问题。您可以换个问题，或者转接人工客服。',
    en: "Sorry, I can't answer that right now. You can ask something else, or talk to a human colleague.",
  },
} as const satisfies Record<string, Localized>;
/** The key of a reply. */
export type ReplyKey = keyof typeof Replies;

/** Quick replies offered after the greeting and after a fallback. */
export const QuickReplies: readonly { readonly id: string; readonly label: Localized }[] = [
  { id: 'opening_hours', label: { 'zh-CN': '营业时间', en: 'Opening hours' } },
  { id: 'lost_card', label: { 'zh-CN': '银行卡挂失', en: 'Lost card' } },
  { id: 'transfer_limit', label: { 'zh-CN': '转账限额', en: 'Transfer limits' } },
  { id: 'card_application', label: { 'zh-CN': '办信用卡', en: 'Credit card' } },
  { id: 'human', label: { 'zh-CN': '转人工', en: 'Talk to a person' } },
];
