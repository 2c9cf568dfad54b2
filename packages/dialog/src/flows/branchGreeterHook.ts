import { type FlowContext, type FlowHook, FlowId, type FlowResult } from './FlowHook';
import {
  mentions,
  options,
  payloadString,
  result,
  type StringTable,
  SURVEY_TITLE,
  surveyMessage,
  THANKS,
  tr,
} from './flowText';

const T = {
  promo1: { 'zh-CN': '新客办卡首刷礼', en: 'Welcome gift for new cardholders' },
  promo1Body: {
    'zh-CN': '即日起办理信用卡，首刷任意金额赢取行李箱。',
    en: 'Apply for a card today and win a suitcase with your first purchase.',
  },
  promo2: { 'zh-CN': '手机银行转账免手续费', en: 'Free transfers in the mobile app' },
  promo2Body: {
    'zh-CN': '使用手机银行办理转账，全年免手续费。',
    en: 'Transfers in the mobile app are free all year.',
  },
  greet: {
    'zh-CN': '您好，欢迎光临！请问今天想办理什么业务？',
    en: 'Hello and welcome! What can I help you with today?',
  },
  'greet.quiz': { 'zh-CN': '哪张卡适合我', en: 'Which card suits me' },
  'greet.ticket': { 'zh-CN': '取号排队', en: 'Take a number' },
  'greet.guide': { 'zh-CN': '办事指南', en: 'What to bring' },
  'greet.finish': { 'zh-CN': '没有了，谢谢', en: "That's all, thanks" },
  quiz: {
    'zh-CN': '回答两个小问题，我帮您挑卡。',
    en: 'Two quick questions and I will pick a card for you.',
  },
  quizTitle: { 'zh-CN': '哪张卡适合您', en: 'Which card suits you' },
  q1: { 'zh-CN': '您平时消费最多的是？', en: 'What do you spend most on?' },
  'q1.travel': { 'zh-CN': '出行旅游', en: 'Travel' },
  'q1.dining': { 'zh-CN': '吃饭聚餐', en: 'Dining out' },
  'q1.online': { 'zh-CN': '网上购物', en: 'Online shopping' },
  quizResult: {
    'zh-CN': '这张卡很适合您，需要取号到柜台办理吗？',
    en: 'This card suits you. Shall I give you a number for the counter?',
  },
  ticket: { 'zh-CN': '这是您的排队号，请留意叫号。', en: 'Here is your number; please watch the display.' },
  cardBusiness: { 'zh-CN': '信用卡业务', en: 'Credit cards' },
  personal: { 'zh-CN': '个人业务', en: 'Personal banking' },
  guide: {
    'zh-CN': '常见业务的材料和步骤如下。',
    en: 'Here is what to bring and what happens for common business.',
  },
  account: { 'zh-CN': '开立借记卡', en: 'Open a debit card' },
  accountBody: {
    'zh-CN': '材料：本人身份证、手机号。步骤：取号 → 填表 → 柜台核验 → 设置密码。',
    en: 'Bring: your ID card and phone. Steps: number → form → counter check → set a PIN.',
  },
  loss: { 'zh-CN': '挂失补卡', en: 'Report a lost card' },
  lossBody: {
    'zh-CN': '材料：本人身份证。步骤：手机银行先临时挂失 → 到柜台正式挂失 → 7天后领新卡。',
    en: 'Bring: your ID card. Steps: freeze in the app → report at the counter → new card after 7 days.',
  },
  survey: { 'zh-CN': '方便为我的服务打个分吗？', en: 'Would you rate my help today?' },
  goodbye: { 'zh-CN': '再见，祝您愉快！', en: 'Goodbye, have a nice day!' },
} as const satisfies StringTable<string>;

const MENU = ['greet.quiz', 'greet.ticket', 'greet.guide', 'greet.finish'] as const;

function menu(
  ctx: FlowContext,
  step: string,
  say: (typeof T)[keyof typeof T] | undefined,
  extra: FlowResult['messages'] = [],
): FlowResult {
  return result(step, say, [...extra, { type: 'ui.quick_replies', replies: options(T, MENU, ctx.language) }]);
}

function attract(ctx: FlowContext): FlowResult {
  const l = ctx.language;
  const cards = [
    { cardId: 'promo-welcome', title: tr(T, 'promo1', l), body: tr(T, 'promo1Body', l) },
    { cardId: 'promo-transfer', title: tr(T, 'promo2', l), body: tr(T, 'promo2Body', l) },
  ];
  return result('attract', undefined, [{ type: 'ui.cards', cards }]);
}

function quiz(ctx: FlowContext): FlowResult {
  const l = ctx.language;
  const opts = options(T, ['q1.travel', 'q1.dining', 'q1.online'], l);
  return result('quiz', T.quiz, [
    {
      type: 'ui.form',
      formId: 'quiz',
      title: tr(T, 'quizTitle', l),
      fields: [{ name: 'spend', label: tr(T, 'q1', l), kind: 'select', required: true, options: opts }],
    },
  ]);
}

function quizResult(ctx: FlowContext, spend: string | undefined): FlowResult {
  const l = ctx.language;
  const pick =
    spend === 'q1.travel'
      ? ['skyway-platinum', 'Skyway Platinum', '云途白金卡']
      : spend === 'q1.dining'
        ? ['gourmet-gold', 'Gourmet Gold', '美食金卡']
        : ['everyday-cashback', 'Everyday Cashback', '日日返现卡'];
  const [cardId = '', en = '', zh = ''] = pick;
  return menu(ctx, 'quiz_result', T.quizResult, [
    { type: 'ui.card', card: { cardId, title: l === 'en' ? en : zh } },
  ]);
}

function ticket(ctx: FlowContext, business: string): FlowResult {
  const l = ctx.language;
  const n = 10 + Math.floor(ctx.random() * 80);
  const number = `${business === 'card' ? 'C' : 'A'}${String(n).padStart(3, '0')}`;
  const waiting = 1 + Math.floor(ctx.random() * 6);
  return menu(ctx, 'ticket', T.ticket, [
    {
      type: 'ui.queue_ticket',
      ticketId: ctx.newId('ticket'),
      number,
      businessType: tr(T, business === 'card' ? 'cardBusiness' : 'personal', l),
      estimatedWaitMs: waiting * 4 * 60_000,
      qr: `DHQ:${number}:${ctx.now()}`,
    },
  ]);
}

function guide(ctx: FlowContext): FlowResult {
  const l = ctx.language;
  const cards = [
    { cardId: 'guide-account', title: tr(T, 'account', l), body: tr(T, 'accountBody', l) },
    { cardId: 'guide-loss', title: tr(T, 'loss', l), body: tr(T, 'lossBody', l) },
  ];
  return menu(ctx, 'guide', T.guide, [{ type: 'ui.cards', cards }]);
}

function choose(ctx: FlowContext, reply: string | undefined, lastBusiness: string): FlowResult | null {
  if (reply === 'greet.quiz') return quiz(ctx);
  if (reply === 'greet.ticket') return ticket(ctx, lastBusiness);
  if (reply === 'greet.guide') return guide(ctx);
  if (reply === 'greet.finish') return result('survey', T.survey, [surveyMessage(ctx, SURVEY_TITLE)]);
  return null;
}

/** The dialog side of the branch greeter (lobby kiosk), zh-CN and en, for the reference engine. */
export function createBranchGreeterHook(): FlowHook {
  let business = 'personal';
  return {
    flow: FlowId.branchGreeter,
    start: (ctx) => attract(ctx),
    handleText(text, ctx) {
      if (ctx.step === 'attract') return null;
      if (mentions(text, ['取号', '排队', 'number', 'queue', 'ticket'])) return ticket(ctx, business);
      if (mentions(text, ['哪张卡', '办卡', 'which card', 'card'])) return quiz(ctx);
      if (mentions(text, ['材料', '指南', 'bring', 'materials'])) return guide(ctx);
      return null;
    },
    handleAction(action, ctx) {
      switch (action.kind) {
        case 'presence': {
          const present = action.payload?.present === true;
          if (present && ctx.step === 'attract') return menu(ctx, 'greet', T.greet);
          if (!present && ctx.step !== 'attract') return result('goodbye', T.goodbye, []);
          return null;
        }
        case 'quick_reply':
          return choose(ctx, payloadString(action, 'reply'), business);
        case 'ticket.take':
          business = payloadString(action, 'business') ?? business;
          return ticket(ctx, business);
        case 'form.submit':
          if (action.target !== 'quiz') return null;
          business = 'card';
          return quizResult(ctx, payloadString(action, 'spend'));
        case 'survey.submit':
          return result('done', THANKS, []);
        default:
          return null;
      }
    },
  };
}
