import type { DialogLanguage, Localized } from '../language';
import type { FlowAction, FlowContext, FlowMessage, FlowResult } from './FlowHook';

/** A table of localized strings. */
export type StringTable<K extends string> = Readonly<Record<K, Localized>>;

/** Picks `key` from `table` in the session language. */
export function tr<K extends string>(table: StringTable<K>, key: K, lang: DialogLanguage): string {
  return table[key][lang];
}

/** Builds select options `{ id, label }` from ids and their localized labels. */
export function options<K extends string>(
  table: StringTable<K>,
  ids: readonly K[],
  lang: DialogLanguage,
): { id: string; label: string }[] {
  return ids.map((id) => ({ id, label: table[id][lang] }));
}

/** A string payload value of an action, or undefined. */
export function payloadString(action: FlowAction, key: string): string | undefined {
  const v = action.payload?.[key];
  return typeof v === 'string' ? v : undefined;
}

/** True when the normalized text contains one of `words`. */
export function mentions(text: string, words: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return words.some((w) => lower.includes(w));
}

/** A flow result with a step, a localized line and messages. */
export function result(
  step: string,
  say: Localized | undefined,
  messages: FlowMessage[],
  extra?: Partial<FlowResult>,
): FlowResult {
  return { step, ...(say ? { say } : {}), messages, ...extra };
}

/** A `ui.survey` message asking for CSAT, NPS and free text. */
export function surveyMessage(ctx: FlowContext, title: Localized): FlowMessage {
  return {
    type: 'ui.survey',
    surveyId: ctx.newId('survey'),
    csat: true,
    nps: true,
    freeText: true,
    title: title[ctx.language],
  };
}

/** What every flow says when the survey comes back. */
export const THANKS: Localized = {
  'zh-CN': '感谢您的评价，祝您生活愉快！',
  en: 'Thank you for your feedback. Have a nice day!',
};

/** The survey title of every flow. */
export const SURVEY_TITLE: Localized = { 'zh-CN': '请为本次服务评分', en: 'How did we do?' };
