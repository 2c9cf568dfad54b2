/**
 * `@digital-human/dialog`: the isomorphic reference dialog engine (dev, demo and server use; GPL because of the
 * dev synthesiser under `@digital-human/dialog/tts`). Rules in zh-CN and en for greeting, small talk and bank FAQ,
 * escalation to a human, a hook per business flow, an optional OpenAI-compatible LLM and an ASR interface.
 * Shipped SDK packages never import it.
 * @packageDocumentation
 */
export type { AsrAdapter, AsrResult, AsrStream, AsrStreamOptions } from './asr/AsrAdapter';
export type {
  DialogEngineEvents,
  DialogEngineOptions,
  DialogInput,
  DialogSessionState,
} from './DialogEngine';
export { DialogEngine } from './DialogEngine';
export { DialogError, DialogErrorCode } from './DialogError';
export { createBranchGreeterHook } from './flows/branchGreeterHook';
export { createBusinessFlows } from './flows/businessFlows';
export { createCardApplicationHook } from './flows/cardApplicationHook';
export type { CardBenefit, CardUsage, CatalogueCard } from './flows/cardCatalogue';
export { CARD_CATALOGUE, matchCards } from './flows/cardCatalogue';
export type { FlowAction, FlowContext, FlowHook, FlowMessage, FlowResult } from './flows/FlowHook';
export { FlowId } from './flows/FlowHook';
export type { FlowRegistryEvents } from './flows/FlowRegistry';
export { FlowRegistry } from './flows/FlowRegistry';
export { createFinancialAdvisorHook } from './flows/financialAdvisorHook';
export type { Localized } from './language';
export { DialogLanguage, detectLanguage, normalizeText, toDialogLanguage } from './language';
export type { LlmAdapter, LlmMessage, LlmReply, LlmRequest } from './llm/LlmAdapter';
export { bankAssistantPrompt } from './llm/LlmAdapter';
export type { OpenAiCompatibleLlmOptions } from './llm/OpenAiCompatibleLlm';
export { OpenAiCompatibleLlm } from './llm/OpenAiCompatibleLlm';
export type { CannedAnswer } from './rules/answerIntent';
export type { EscalationOptions, HandoffReason, SentimentSample } from './rules/EscalationPolicy';
export { EscalationPolicy } from './rules/EscalationPolicy';
export type { IntentRule } from './rules/intents';
export { INTENT_RULES, Intent, matchIntent } from './rules/intents';
export type { ReplyKey } from './rules/replies';
export { QuickReplies, Replies } from './rules/replies';
export type { DialogOutput, EmotionHint, SayRequest } from './TurnWriter';
