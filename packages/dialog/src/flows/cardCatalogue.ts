/** A benefit a card is known for. */
export type CardBenefit = 'travel' | 'dining' | 'cashback' | 'miles';
/** Where the customer will mostly use the card. */
export type CardUsage = 'domestic' | 'abroad' | 'online';

/** One fictional card of the reference catalogue (data, as a bank would load it from JSON). */
export interface CatalogueCard {
  readonly cardId: string;
  readonly name: { readonly 'zh-CN': string; readonly en: string };
  readonly benefits: readonly CardBenefit[];
  readonly usage: readonly CardUsage[];
  readonly annualFee: { readonly 'zh-CN': string; readonly en: string };
  readonly core: { readonly 'zh-CN': string; readonly en: string };
  readonly requirements: { readonly 'zh-CN': string; readonly en: string };
}

/** The reference catalogue: fictional cards of a fictional bank. Images are drawn by the widget (CSS), no URLs. */
export const CARD_CATALOGUE: readonly CatalogueCard[] = [
  {
    cardId: 'skyway-platinum',
    name: { 'zh-CN': '云途白金卡', en: 'Skyway Platinum' },
    benefits: ['travel', 'miles'],
    usage: ['abroad', 'domestic'],
    annualFee: { 'zh-CN': '首年免年费，次年消费满6笔免', en: 'Free first year; waived after 6 purchases' },
    core: {
      'zh-CN': '每消费10元累积1里程，机场贵宾厅每年6次',
      en: '1 mile per ¥10, 6 airport lounge visits a year',
    },
    requirements: { 'zh-CN': '年满18周岁，年收入10万元以上', en: 'Age 18+, annual income ¥100,000+' },
  },
  {
    cardId: 'gourmet-gold',
    name: { 'zh-CN': '美食金卡', en: 'Gourmet Gold' },
    benefits: ['dining', 'cashback'],
    usage: ['domestic', 'online'],
    annualFee: { 'zh-CN': '免年费', en: 'No annual fee' },
    core: { 'zh-CN': '餐饮消费5%返现，周末外卖满减', en: '5% cash back on dining, weekend delivery offers' },
    requirements: { 'zh-CN': '年满18周岁，有稳定收入', en: 'Age 18+, stable income' },
  },
  {
    cardId: 'everyday-cashback',
    name: { 'zh-CN': '日日返现卡', en: 'Everyday Cashback' },
    benefits: ['cashback'],
    usage: ['online', 'domestic'],
    annualFee: { 'zh-CN': '免年费', en: 'No annual fee' },
    core: { 'zh-CN': '网购1.5%返现，无上限', en: '1.5% cash back online, no cap' },
    requirements: { 'zh-CN': '年满18周岁', en: 'Age 18+' },
  },
  {
    cardId: 'globe-miles',
    name: { 'zh-CN': '环球里程卡', en: 'Globe Miles' },
    benefits: ['miles', 'travel'],
    usage: ['abroad'],
    annualFee: { 'zh-CN': '年费600元，可用积分抵扣', en: '¥600 a year, payable with points' },
    core: {
      'zh-CN': '境外消费免货币转换费，双倍里程',
      en: 'No foreign transaction fee, double miles abroad',
    },
    requirements: { 'zh-CN': '年满22周岁，年收入20万元以上', en: 'Age 22+, annual income ¥200,000+' },
  },
];

/** Cards ranked by how many of the wanted benefit and usage they match (best first, at most `limit`). */
export function matchCards(
  benefit: string | undefined,
  usage: string | undefined,
  limit = 3,
): CatalogueCard[] {
  const score = (c: CatalogueCard) =>
    (c.benefits.includes(benefit as CardBenefit) ? 2 : 0) + (c.usage.includes(usage as CardUsage) ? 1 : 0);
  return CARD_CATALOGUE.filter((c) => score(c) > 0)
    .sort((a, b) => score(b) - score(a))
    .slice(0, limit);
}
