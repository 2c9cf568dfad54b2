import { type FlowAction, type FlowContext, type FlowHook, FlowId, type FlowResult } from './FlowHook';
import {
  mentions,
  options,
  result,
  type StringTable,
  SURVEY_TITLE,
  surveyMessage,
  THANKS,
  tr,
} from './flowText';

const T = {
  intro: {
    'zh-CN': '我来帮您做一份资产配置建议。先说说您的目标、期限、金额和风险偏好吧。',
    en: "Let's build an allocation for you. First, your goal, horizon, amount and risk preference.",
  },
  profileTitle: { 'zh-CN': '投资目标', en: 'Your goals' },
  goal: { 'zh-CN': '投资目标', en: 'Goal' },
  'goal.retire': { 'zh-CN': '养老', en: 'Retirement' },
  'goal.education': { 'zh-CN': '子女教育', en: 'Education' },
  'goal.wealth': { 'zh-CN': '财富增值', en: 'Growth' },
  horizon: { 'zh-CN': '投资期限', en: 'Horizon' },
  'h.short': { 'zh-CN': '1年以内', en: 'Under 1 year' },
  'h.mid': { 'zh-CN': '1–3年', en: '1–3 years' },
  'h.long': { 'zh-CN': '3年以上', en: 'Over 3 years' },
  amount: { 'zh-CN': '投资金额（元）', en: 'Amount (¥)' },
  preference: { 'zh-CN': '风险偏好', en: 'Risk preference' },
  'p.safe': { 'zh-CN': '保本为主', en: 'Keep it safe' },
  'p.balanced': { 'zh-CN': '稳中求进', en: 'Balanced' },
  'p.growth': { 'zh-CN': '追求高收益', en: 'Growth' },
  questionnaire: { 'zh-CN': '请完成风险承受能力评估。', en: 'Please complete the risk assessment.' },
  riskTitle: { 'zh-CN': '风险承受能力评估', en: 'Risk assessment' },
  q1: { 'zh-CN': '如果投资一个月亏损10%，您会？', en: 'If your investment lost 10% in a month, you would…' },
  'q1-s1': { 'zh-CN': '全部赎回', en: 'Sell everything' },
  'q1-s3': { 'zh-CN': '继续持有', en: 'Hold' },
  'q1-s5': { 'zh-CN': '逢低加仓', en: 'Buy more' },
  q2: { 'zh-CN': '您的投资经验？', en: 'Your investment experience?' },
  'q2-s1': { 'zh-CN': '没有', en: 'None' },
  'q2-s3': { 'zh-CN': '基金理财3年以内', en: 'Funds, under 3 years' },
  'q2-s5': { 'zh-CN': '股票期货多年', en: 'Stocks and futures, many years' },
  q3: { 'zh-CN': '这笔钱占您可投资资产的比例？', en: 'Share of your investable assets?' },
  'q3-s5': { 'zh-CN': '10%以下', en: 'Under 10%' },
  'q3-s3': { 'zh-CN': '10%–50%', en: '10%–50%' },
  'q3-s1': { 'zh-CN': '50%以上', en: 'Over 50%' },
  products: { 'zh-CN': '以下产品符合您的风险等级：', en: 'These products match your risk level:' },
  notice: {
    'zh-CN': '过往业绩不代表未来表现，理财非存款，投资需谨慎。',
    en: 'Past performance does not guarantee future returns. Investments are not deposits.',
  },
  plan: { 'zh-CN': '这是为您生成的配置方案。', en: 'Here is the allocation plan for you.' },
  disclosure: {
    'zh-CN': '购买前请完整阅读风险揭示书并确认。',
    en: 'Before buying, please read the whole risk disclosure and confirm.',
  },
  discTitle: { 'zh-CN': '产品风险揭示书', en: 'Risk disclosure' },
  discText: {
    'zh-CN':
      '一、理财产品不等同于银行存款，本金和收益可能受损。\n二、过往业绩不代表未来表现，业绩比较基准不构成收益承诺。\n三、产品可能面临市场风险、流动性风险、信用风险等。\n四、您的风险等级与产品风险等级已匹配，请确认您理解上述风险。\n五、本环节将按监管要求进行录音录像（双录）。',
    en: '1. Wealth products are not deposits; principal and returns may be lost.\n2. Past performance does not guarantee future returns; benchmarks are not promises.\n3. Products carry market, liquidity and credit risk.\n4. Your risk level matches the products; please confirm you understand these risks.\n5. This step is audio- and video-recorded as regulations require (dual recording).',
  },
  ack: { 'zh-CN': '我已阅读并理解', en: 'I have read and understood' },
  confirm: { 'zh-CN': '请确认购买方案。', en: 'Please confirm the plan.' },
  confirmTitle: { 'zh-CN': '购买确认', en: 'Confirmation' },
  survey: { 'zh-CN': '已为您提交。方便为本次服务打分吗？', en: 'Submitted. Would you rate this service?' },
  advice: {
    'zh-CN': '这个问题需要理财经理为您解答，正在为您转接。',
    en: 'A wealth adviser will answer that; I am connecting you.',
  },
} as const satisfies StringTable<string>;
type Key = keyof typeof T;

/** The reference product shelf (fictional). */
const SHELF = [
  { productId: 'cash-plus', name: { 'zh-CN': '现金宝', en: 'Cash Plus' }, riskLevel: 'R1', returnPct: 1.8 },
  {
    productId: 'bond-steady',
    name: { 'zh-CN': '稳利债券', en: 'Steady Bond' },
    riskLevel: 'R2',
    returnPct: 3.1,
  },
  {
    productId: 'balanced-mix',
    name: { 'zh-CN': '均衡混合', en: 'Balanced Mix' },
    riskLevel: 'R3',
    returnPct: 5.4,
  },
  {
    productId: 'equity-growth',
    name: { 'zh-CN': '成长股票', en: 'Equity Growth' },
    riskLevel: 'R4',
    returnPct: 8.9,
  },
  {
    productId: 'sector-alpha',
    name: { 'zh-CN': '行业精选', en: 'Sector Alpha' },
    riskLevel: 'R5',
    returnPct: 12.5,
  },
] as const;

const select = (ctx: FlowContext, name: Key, ids: readonly Key[]) => ({
  name,
  label: tr(T, name, ctx.language),
  kind: 'select' as const,
  required: true,
  options: options(T, ids, ctx.language),
});

/** Level 1..5 from answers whose ids end in `s1`..`s5` (rounded mean), as the widget scores it. */
function level(action: FlowAction): number {
  const scores = Object.values(action.payload ?? {}).flatMap((v) =>
    typeof v === 'string' && /-s[1-5]$/.test(v) ? [Number(v.at(-1))] : [],
  );
  if (scores.length === 0) return 1;
  return Math.min(5, Math.max(1, Math.round(scores.reduce((a, b) => a + b, 0) / scores.length)));
}

function products(ctx: FlowContext, customer: number): FlowResult {
  const l = ctx.language;
  const list = SHELF.filter((p) => Number(p.riskLevel[1]) <= customer).map((p) => ({
    productId: p.productId,
    name: p.name[l],
    riskLevel: p.riskLevel,
    returnPct: p.returnPct,
  }));
  return result('products', T.products, [
    { type: 'ui.products', products: list, notice: tr(T, 'notice', l) },
  ]);
}

/** The dialog side of the financial advisor (zh-CN and en), with 双录 markers, for the reference engine. */
export function createFinancialAdvisorHook(): FlowHook {
  let disclosureId = '';
  let confirmId = '';
  return {
    flow: FlowId.financialAdvisor,
    start: (ctx) =>
      result('profile', T.intro, [
        {
          type: 'ui.form',
          formId: 'profile',
          title: tr(T, 'profileTitle', ctx.language),
          fields: [
            select(ctx, 'goal', ['goal.retire', 'goal.education', 'goal.wealth']),
            select(ctx, 'horizon', ['h.short', 'h.mid', 'h.long']),
            { name: 'amount', label: tr(T, 'amount', ctx.language), kind: 'number', required: true },
            select(ctx, 'preference', ['p.safe', 'p.balanced', 'p.growth']),
          ],
        },
      ]),
    handleText(text) {
      if (mentions(text, ['股票推荐', '买哪只', 'which stock', 'tax', '税']))
        return { say: T.advice, handoff: { reason: 'complex_advice', skills: ['wealth'] } };
      return null;
    },
    handleAction(action, ctx) {
      const l = ctx.language;
      if (action.kind === 'form.submit' && action.target === 'profile')
        return result('questionnaire', T.questionnaire, [
          {
            type: 'ui.form',
            formId: 'risk',
            title: tr(T, 'riskTitle', l),
            fields: [
              select(ctx, 'q1', ['q1-s1', 'q1-s3', 'q1-s5']),
              select(ctx, 'q2', ['q2-s1', 'q2-s3', 'q2-s5']),
              select(ctx, 'q3', ['q3-s5', 'q3-s3', 'q3-s1']),
            ],
          },
        ]);
      if (action.kind === 'form.submit' && action.target === 'risk') return products(ctx, level(action));
      if (action.kind === 'plan.show' && ctx.step === 'products') return result('plan', T.plan, []);
      if (action.kind === 'plan.accept' && ctx.step === 'plan') {
        disclosureId = ctx.newId('risk');
        return result('disclosure', T.disclosure, [
          {
            type: 'ui.disclosure',
            disclosureId,
            marker: 'start',
            title: tr(T, 'discTitle', l),
            text: tr(T, 'discText', l),
            requireScroll: true,
            ackLabel: tr(T, 'ack', l),
          },
        ]);
      }
      if (action.kind === 'disclosure.ack' && ctx.step === 'disclosure') {
        confirmId = ctx.newId('confirm');
        return result('confirm', T.confirm, [
          { type: 'ui.disclosure', disclosureId, marker: 'end' },
          {
            type: 'ui.disclosure',
            disclosureId: confirmId,
            marker: 'start',
            title: tr(T, 'confirmTitle', l),
            text: tr(T, 'confirm', l),
          },
        ]);
      }
      if (action.kind === 'plan.confirm' && ctx.step === 'confirm')
        return result('survey', T.survey, [
          { type: 'ui.disclosure', disclosureId: confirmId, marker: 'end' },
          surveyMessage(ctx, SURVEY_TITLE),
        ]);
      if (action.kind === 'survey.submit') return { say: THANKS, step: 'done', done: true };
      return null;
    },
  };
}
