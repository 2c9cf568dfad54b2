import { PROTOCOL_VERSION } from '../version';
import type { JsonMessage, JsonMessageType, MessageOf } from './registry';

const v = PROTOCOL_VERSION;

/**
 * One valid example of every JSON message type, for documentation and for tests in other packages
 * (a fresh copy on every call, so callers may mutate it).
 */
export function exampleMessages(): { [T in JsonMessageType]: MessageOf<T> } {
  return {
    hello: { v, type: 'hello', protocolVersion: v, capabilities: ['visemes', 'ui.cards'], language: 'zh-CN' },
    ack: { v, type: 'ack', ackId: 'act-1', ok: true },
    'speech.start': {
      v,
      type: 'speech.start',
      utteranceId: 'u1',
      text: '您好',
      language: 'zh-CN',
      durationMs: 900,
    },
    'speech.end': { v, type: 'speech.end', utteranceId: 'u1', interrupted: false },
    'speech.visemes': {
      v,
      type: 'speech.visemes',
      utteranceId: 'u1',
      seq: 0,
      cues: [
        { v: 'sil', t: 0, d: 80 },
        { v: 'nn', t: 80, d: 90, w: 0.8 },
        { v: 'aa', t: 170, d: 120 },
      ],
    },
    'speech.caption': {
      v,
      type: 'speech.caption',
      utteranceId: 'u1',
      speaker: 'agent',
      text: '您好',
      final: true,
    },
    'speech.transcript': {
      v,
      type: 'speech.transcript',
      segmentId: 's1',
      speaker: 'customer',
      text: '查余额',
      final: false,
    },
    'emotion.cue': { v, type: 'emotion.cue', emotion: 'happy', intensity: 0.6, durationMs: 1500 },
    'dialog.state': { v, type: 'dialog.state', state: 'speaking', flow: 'card_application', step: 'needs' },
    'ui.card': {
      v,
      type: 'ui.card',
      card: {
        cardId: 'travel-plus',
        title: 'Travel Plus',
        fields: [{ label: 'Annual fee', value: '¥0 first year' }],
        actions: [{ id: 'choose', label: 'Choose' }],
      },
    },
    'ui.cards': {
      v,
      type: 'ui.cards',
      cards: [
        { cardId: 'a', title: 'A' },
        { cardId: 'b', title: 'B' },
      ],
      compare: ['Annual fee'],
    },
    'ui.form': {
      v,
      type: 'ui.form',
      formId: 'apply',
      title: 'Application',
      fields: [{ name: 'phone', label: 'Phone', kind: 'phone', required: true }],
    },
    'ui.disclosure': {
      v,
      type: 'ui.disclosure',
      disclosureId: 'risk-1',
      marker: 'start',
      title: '风险揭示书',
      text: '投资有风险，过往业绩不代表未来表现。',
      requireScroll: true,
    },
    'ui.queue_ticket': {
      v,
      type: 'ui.queue_ticket',
      ticketId: 't1',
      number: 'A023',
      businessType: '个人业务',
      estimatedWaitMs: 600000,
    },
    'ui.survey': { v, type: 'ui.survey', surveyId: 'sv1', csat: true, nps: true, freeText: true },
    'ui.quick_replies': { v, type: 'ui.quick_replies', replies: [{ id: 'hours', label: '营业时间' }] },
    'ui.products': {
      v,
      type: 'ui.products',
      products: [{ productId: 'f1', name: 'Stable Income', riskLevel: 'R2', returnPct: 3.1 }],
      notice: 'Past performance does not guarantee future returns.',
    },
    'handoff.request': { v, type: 'handoff.request', reason: 'explicit', skills: ['general'] },
    'handoff.take_over': { v, type: 'handoff.take_over', operatorId: 'op-7', crossfadeMs: 300 },
    'handoff.hand_back': {
      v,
      type: 'handoff.hand_back',
      summary: 'Explained the fee.',
      transcript: [{ speaker: 'operator', text: 'The fee is waived.' }],
    },
    'handoff.state': { v, type: 'handoff.state', controller: 'human', pending: false, operatorId: 'op-7' },
    'handoff.assist': {
      v,
      type: 'handoff.assist',
      suggestions: ['首年免年费，次年刷卡6次免年费。'],
      facts: [{ label: 'Annual fee', value: '¥0 first year' }],
    },
    'user.action': {
      v,
      type: 'user.action',
      id: 'act-1',
      kind: 'quick_reply',
      target: 'hours',
      payload: { n: 1 },
    },
    'user.text': { v, type: 'user.text', id: 'txt-1', text: '营业时间', language: 'zh-CN' },
    'user.sentiment': {
      v,
      type: 'user.sentiment',
      valence: -0.4,
      arousal: 0.6,
      label: 'negative',
      confidence: 0.8,
      presence: true,
      attention: 0.9,
    },
  };
}

/** {@link exampleMessages} as a list. */
export function exampleMessageList(): JsonMessage[] {
  return Object.values(exampleMessages());
}
