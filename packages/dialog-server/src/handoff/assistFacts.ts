import { CARD_CATALOGUE, type CatalogueCard, FlowId } from '@digital-human/dialog';

/** One fact for the operator console (label and value, plain text). */
export interface AssistFact {
  readonly label: string;
  readonly value: string;
}

type Lang = 'zh-CN' | 'en';

const WORDS: Readonly<Record<string, { 'zh-CN': string; en: string }>> = {
  fee: { 'zh-CN': '年费', en: 'Annual fee' },
  core: { 'zh-CN': '权益', en: 'Benefits' },
  requirements: { 'zh-CN': '申请条件', en: 'Requirements' },
  wealthRule: { 'zh-CN': '理财合规', en: 'Wealth compliance' },
  wealthRuleText: {
    'zh-CN': '理财非存款，需先完成风险评估并双录；不得承诺收益。',
    en: 'Not a deposit; risk assessment and dual recording first; never promise returns.',
  },
};

/** At most this many facts (the protocol's `handoff.assist` carries up to 8). */
const MAX_FACTS = 8;

/**
 * Facts that help the operator answer: the cards the customer names (annual fee, benefits, requirements); in the
 * card flow without a named card, the annual fee of each card; in the advisor flow, the compliance rule.
 */
export function assistFacts(text: string, flow: string | undefined, language: string): AssistFact[] {
  const lang: Lang = language === 'en' ? 'en' : 'zh-CN';
  const lower = text.toLowerCase();
  const named = CARD_CATALOGUE.filter(
    (c) => text.includes(c.name['zh-CN']) || lower.includes(c.name.en.toLowerCase()),
  );
  const facts: AssistFact[] = [];
  for (const card of named) facts.push(...cardFacts(card, lang));
  if (named.length === 0 && flow === FlowId.cardApplication) {
    for (const card of CARD_CATALOGUE)
      facts.push({ label: `${card.name[lang]} · ${WORDS.fee![lang]}`, value: card.annualFee[lang] });
  }
  if (flow === FlowId.financialAdvisor)
    facts.push({ label: WORDS.wealthRule![lang], value: WORDS.wealthRuleText![lang] });
  return facts.slice(0, MAX_FACTS);
}

function cardFacts(card: CatalogueCard, lang: Lang): AssistFact[] {
  const name = card.name[lang];
  return [
    { label: `${name} · ${WORDS.fee![lang]}`, value: card.annualFee[lang] },
    { label: `${name} · ${WORDS.core![lang]}`, value: card.core[lang] },
    { label: `${name} · ${WORDS.requirements![lang]}`, value: card.requirements[lang] },
  ];
}
