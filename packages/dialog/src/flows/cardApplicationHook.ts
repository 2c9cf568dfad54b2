import type { DialogLanguage } from '../language';
import { CARD_CATALOGUE, type CatalogueCard, matchCards } from './cardCatalogue';
import {
  type FlowAction,
  type FlowContext,
  type FlowHook,
  FlowId,
  type FlowMessage,
  type FlowResult,
} from './FlowHook';
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
  askNeeds: {
    'zh-CN': '您更看重哪些权益？主要在哪里用卡？',
    en: 'Which benefits matter most to you, and where will you use the card?',
  },
  needsTitle: { 'zh-CN': '您的用卡需求', en: 'Your card needs' },
  benefit: { 'zh-CN': '最看重的权益', en: 'Most important benefit' },
  usage: { 'zh-CN': '主要用卡场景', en: 'Where you will use it' },
  travel: { 'zh-CN': '旅行', en: 'Travel' },
  dining: { 'zh-CN': '餐饮', en: 'Dining' },
  cashback: { 'zh-CN': '返现', en: 'Cash back' },
  miles: { 'zh-CN': '里程', en: 'Miles' },
  domestic: { 'zh-CN': '国内', en: 'At home' },
  abroad: { 'zh-CN': '境外', en: 'Abroad' },
  online: { 'zh-CN': '网购', en: 'Online' },
  recommend: { 'zh-CN': '根据您的需求，为您推荐这些卡：', en: 'Based on your needs, these cards fit you:' },
  recommendTitle: { 'zh-CN': '为您推荐', en: 'Recommended for you' },
  annualFee: { 'zh-CN': '年费', en: 'Annual fee' },
  coreBenefit: { 'zh-CN': '核心权益', en: 'Core benefits' },
  requirements: { 'zh-CN': '申请条件', en: 'Requirements' },
  choose: { 'zh-CN': '选这张', en: 'Choose' },
  apply: { 'zh-CN': '立即申请', en: 'Apply' },
  back: { 'zh-CN': '换一张', en: 'See others' },
  details: { 'zh-CN': '这是这张卡的详细信息。', en: 'Here are the details of this card.' },
  materials: {
    'zh-CN': '请上传身份证正反面照片，收入证明可选。',
    en: 'Please upload both sides of your ID card; proof of income is optional.',
  },
  materialsTitle: { 'zh-CN': '申请材料', en: 'Application materials' },
  idFront: { 'zh-CN': '身份证人像面', en: 'ID card, photo side' },
  idBack: { 'zh-CN': '身份证国徽面', en: 'ID card, back' },
  income: { 'zh-CN': '收入证明（可选）', en: 'Proof of income (optional)' },
  photoHint: { 'zh-CN': 'JPG/PNG，清晰无反光', en: 'JPG/PNG, sharp, no glare' },
  services: { 'zh-CN': '需要开通这些增值服务吗？', en: 'Would you like any of these services?' },
  servicesTitle: { 'zh-CN': '增值服务', en: 'Value-added services' },
  sms: { 'zh-CN': '短信动账提醒', en: 'SMS alerts' },
  autopay: { 'zh-CN': '自动还款', en: 'Automatic repayment' },
  insurance: { 'zh-CN': '盗刷保障险', en: 'Card fraud insurance' },
  next: { 'zh-CN': '下一步', en: 'Next' },
  terms: {
    'zh-CN': '请阅读条款与风险提示，读完后确认。',
    en: 'Please read the terms and risk notices to the end, then confirm.',
  },
  termsTitle: { 'zh-CN': '领用合约与风险提示', en: 'Card agreement and risk notices' },
  termsText: {
    'zh-CN':
      '1. 信用卡透支将按日计收利息，未按时还款将产生违约金并影响个人征信。\n2. 分期付款将收取手续费，请量力而行。\n3. 请妥善保管卡片和密码，勿将验证码告知他人。\n4. 本行不会以任何理由要求您转账至“安全账户”。\n5. 增值服务可随时在手机银行中关闭。',
    en: '1. Interest on balances accrues daily; late payment incurs a fee and affects your credit record.\n2. Instalments carry a fee; borrow only what you can repay.\n3. Keep your card and PIN safe; never share verification codes.\n4. The bank will never ask you to move money to a "safe account".\n5. Services can be switched off in the mobile app at any time.',
  },
  ack: { 'zh-CN': '我已阅读并同意', en: 'I have read and agree' },
  timeline: {
    'zh-CN': '申请已提交，预计流程如下。',
    en: 'Your application is in. Here is what happens next.',
  },
  timelineTitle: { 'zh-CN': '办理进度', en: 'Timeline' },
  review: { 'zh-CN': '审核', en: 'Review' },
  reviewTime: { 'zh-CN': '1–3个工作日', en: '1–3 working days' },
  delivery: { 'zh-CN': '寄卡', en: 'Delivery' },
  deliveryTime: { 'zh-CN': '审核通过后5–7天', en: '5–7 days after approval' },
  activation: { 'zh-CN': '收到卡后这样激活：', en: 'When the card arrives, activate it like this:' },
  activationTitle: { 'zh-CN': '激活指引', en: 'Activation guide' },
  activationBody: {
    'zh-CN': '打开手机银行 → 信用卡 → 激活，核对身份后设置交易密码。',
    en: 'Open the mobile app → Cards → Activate, verify your identity and set a PIN.',
  },
  tips: { 'zh-CN': '最后是几个用卡小贴士。', en: 'Finally, a few tips for your first weeks.' },
  tipsTitle: { 'zh-CN': '首刷小贴士', en: 'First-use tips' },
  tipsBody: {
    'zh-CN': '首刷任意金额即享迎新礼；大额消费可办理账单分期；开通还款提醒，避免逾期。',
    en: 'Any first purchase unlocks the welcome gift; large purchases can be split into instalments; turn on repayment reminders to avoid late fees.',
  },
  survey: { 'zh-CN': '办理完成！方便为本次服务打个分吗？', en: 'All done! Would you rate this service?' },
} as const satisfies StringTable<string>;
type Key = keyof typeof T;

const BENEFITS = ['travel', 'dining', 'cashback', 'miles'] as const satisfies readonly Key[];
const USAGES = ['domestic', 'abroad', 'online'] as const satisfies readonly Key[];
const WORDS: Readonly<Record<(typeof BENEFITS)[number], readonly string[]>> = {
  travel: ['travel', '旅行', '旅游', '出行'],
  dining: ['dining', 'food', '餐', '吃'],
  cashback: ['cash', '返现'],
  miles: ['mile', '里程'],
};

function fields(card: CatalogueCard, lang: DialogLanguage) {
  return [
    { label: tr(T, 'annualFee', lang), value: card.annualFee[lang] },
    { label: tr(T, 'coreBenefit', lang), value: card.core[lang] },
    { label: tr(T, 'requirements', lang), value: card.requirements[lang] },
  ];
}

function needs(ctx: FlowContext): FlowResult {
  const l = ctx.language;
  return result('needs', T.askNeeds, [
    {
      type: 'ui.form',
      formId: 'needs',
      title: tr(T, 'needsTitle', l),
      fields: [
        {
          name: 'benefit',
          label: tr(T, 'benefit', l),
          kind: 'select',
          required: true,
          options: options(T, BENEFITS, l),
        },
        {
          name: 'usage',
          label: tr(T, 'usage', l),
          kind: 'select',
          required: true,
          options: options(T, USAGES, l),
        },
      ],
    },
  ]);
}

function recommend(ctx: FlowContext, benefit: string | undefined, usage: string | undefined): FlowResult {
  const l = ctx.language;
  const found = matchCards(benefit, usage);
  const cards = (found.length > 0 ? found : CARD_CATALOGUE.slice(0, 2)).map((c) => ({
    cardId: c.cardId,
    title: c.name[l],
    fields: fields(c, l),
    actions: [{ id: 'card.choose', label: tr(T, 'choose', l) }],
  }));
  const compare = [tr(T, 'annualFee', l), tr(T, 'coreBenefit', l)];
  return result('recommend', T.recommend, [
    { type: 'ui.cards', title: tr(T, 'recommendTitle', l), cards, compare },
  ]);
}

function details(ctx: FlowContext, cardId: string | undefined): FlowResult | null {
  const card = CARD_CATALOGUE.find((c) => c.cardId === cardId);
  if (!card) return null;
  const l = ctx.language;
  const actions = [
    { id: 'card.apply', label: tr(T, 'apply', l) },
    { id: 'card.back', label: tr(T, 'back', l) },
  ];
  return result('details', T.details, [
    { type: 'ui.card', card: { cardId: card.cardId, title: card.name[l], fields: fields(card, l), actions } },
  ]);
}

function info(
  step: string,
  say: Key,
  title: Key,
  body: string,
  fieldsList: { label: string; value: string }[],
  l: DialogLanguage,
): FlowResult {
  const card = {
    cardId: step,
    title: tr(T, title, l),
    body,
    fields: fieldsList,
    actions: [{ id: 'next', label: tr(T, 'next', l) }],
  };
  return result(step, T[say], [{ type: 'ui.card', card }]);
}

function onForm(formId: string | undefined, action: FlowAction, ctx: FlowContext): FlowResult | null {
  const l = ctx.language;
  if (formId === 'needs')
    return recommend(ctx, payloadString(action, 'benefit'), payloadString(action, 'usage'));
  if (formId === 'materials') {
    const checks = (['sms', 'autopay', 'insurance'] as const).map((name) => ({
      name,
      label: tr(T, name, l),
      kind: 'checkbox' as const,
    }));
    return result('services', T.services, [
      {
        type: 'ui.form',
        formId: 'services',
        title: tr(T, 'servicesTitle', l),
        fields: checks,
        submitLabel: tr(T, 'next', l),
      },
    ]);
  }
  if (formId === 'services') {
    const disclosure: FlowMessage = {
      type: 'ui.disclosure',
      disclosureId: ctx.newId('terms'),
      marker: 'start',
      title: tr(T, 'termsTitle', l),
      text: tr(T, 'termsText', l),
      requireScroll: true,
      ackLabel: tr(T, 'ack', l),
    };
    return result('terms', T.terms, [disclosure]);
  }
  return null;
}

function materials(ctx: FlowContext): FlowResult {
  const l = ctx.language;
  const file = (name: Key, required: boolean) => ({
    name,
    label: tr(T, name, l),
    kind: 'file' as const,
    required,
    hint: tr(T, 'photoHint', l),
  });
  return result('materials', T.materials, [
    {
      type: 'ui.form',
      formId: 'materials',
      title: tr(T, 'materialsTitle', l),
      fields: [file('idFront', true), file('idBack', true), file('income', false)],
      submitLabel: tr(T, 'next', l),
    },
  ]);
}

function proceed(ctx: FlowContext): FlowResult | null {
  const l = ctx.language;
  if (ctx.step === 'timeline')
    return info('activation', 'activation', 'activationTitle', tr(T, 'activationBody', l), [], l);
  if (ctx.step === 'activation') return info('tips', 'tips', 'tipsTitle', tr(T, 'tipsBody', l), [], l);
  if (ctx.step === 'tips') return result('survey', T.survey, [surveyMessage(ctx, SURVEY_TITLE)]);
  return null;
}

/** The dialog side of the credit-card application (zh-CN and en), for the reference engine. */
export function createCardApplicationHook(): FlowHook {
  let terms: string | undefined;
  return {
    flow: FlowId.cardApplication,
    start: (ctx) => needs(ctx),
    handleText(text, ctx) {
      if (ctx.step !== 'needs' && ctx.step !== 'recommend') return null;
      const benefit = BENEFITS.find((b) => mentions(text, WORDS[b]));
      return benefit ? recommend(ctx, benefit, undefined) : null;
    },
    handleAction(action, ctx) {
      const l = ctx.language;
      switch (action.kind) {
        case 'form.submit': {
          const r = onForm(action.target, action, ctx);
          const d = r?.messages?.find((m) => m.type === 'ui.disclosure');
          if (d?.type === 'ui.disclosure') terms = d.disclosureId;
          return r;
        }
        case 'card.choose':
          return details(ctx, payloadString(action, 'cardId'));
        case 'card.again':
          return needs(ctx);
        case 'card.back':
          return recommend(ctx, undefined, undefined);
        case 'card.apply':
          return materials(ctx);
        case 'disclosure.ack': {
          if (ctx.step !== 'terms' || !terms) return null;
          const end: FlowMessage = { type: 'ui.disclosure', disclosureId: terms, marker: 'end' };
          const r = info(
            'timeline',
            'timeline',
            'timelineTitle',
            '',
            [
              { label: tr(T, 'review', l), value: tr(T, 'reviewTime', l) },
              { label: tr(T, 'delivery', l), value: tr(T, 'deliveryTime', l) },
            ],
            l,
          );
          return { ...r, messages: [end, ...(r.messages ?? [])] };
        }
        case 'next':
          return proceed(ctx);
        case 'survey.submit':
          return { say: THANKS, step: 'done', done: true };
        default:
          return null;
      }
    },
  };
}
