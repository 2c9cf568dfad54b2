import type { JsonMessage, MessageOf } from '@digital-human/protocol';
import type { FlowContent } from './content';

/** A {@link FlowContent} being filled by the messages of one turn. */
export type WritableContent = { -readonly [K in keyof FlowContent]?: FlowContent[K] };

/** A disclosure marker seen while taking content (the model reports it to analytics). */
export interface TakenMark {
  readonly disclosureId: string;
  readonly marker: 'start' | 'end';
}

/** Strips the envelope fields of a message. */
function body<M extends { v: string; type: string; id?: string | undefined; ts?: number | undefined }>(
  m: M,
): Omit<M, 'v' | 'type' | 'id' | 'ts'> {
  const { v: _v, type: _t, id: _i, ts: _ts, ...rest } = m;
  return rest;
}

/**
 * Puts a `ui.*` message into the slot of `pending` it fills (the latest message of each kind wins). `shown` is
 * what is on screen, for a disclosure end marker that closes a disclosure shown in an earlier turn. Returns the
 * disclosure marker when the message was one; other message types are ignored.
 */
export function takeContent(
  pending: WritableContent,
  m: JsonMessage,
  shown: FlowContent,
): TakenMark | undefined {
  switch (m.type) {
    case 'ui.card':
      pending.card = m.card;
      return undefined;
    case 'ui.cards':
      pending.cards = { cards: m.cards, title: m.title, compare: m.compare };
      return undefined;
    case 'ui.form':
      pending.form = body(m);
      return undefined;
    case 'ui.quick_replies':
      pending.quickReplies = m.replies;
      return undefined;
    case 'ui.survey':
      pending.survey = body(m);
      return undefined;
    case 'ui.queue_ticket':
      pending.ticket = body(m);
      return undefined;
    case 'ui.products':
      pending.products = m.products;
      if (m.notice !== undefined) pending.productsNotice = m.notice;
      return undefined;
    case 'ui.disclosure':
      return takeDisclosure(pending, m, shown);
    default:
      return undefined;
  }
}

function takeDisclosure(
  pending: WritableContent,
  m: MessageOf<'ui.disclosure'>,
  shown: FlowContent,
): TakenMark {
  if (m.marker === 'start') {
    pending.disclosure = {
      disclosureId: m.disclosureId,
      title: m.title ?? '',
      text: m.text ?? '',
      requireScroll: m.requireScroll ?? false,
      ackLabel: m.ackLabel,
      scrolled: false,
      acknowledged: false,
      ended: false,
    };
  } else {
    const d = pending.disclosure ?? shown.disclosure;
    if (d?.disclosureId === m.disclosureId) pending.disclosure = { ...d, ended: true };
  }
  return { disclosureId: m.disclosureId, marker: m.marker };
}
