import { Limits } from '../limits';
import { array, boolean, enumOf, number, object, optional, refine, string } from '../schemaIndex';
import { id, label, message, millis, text, url } from './common';

const list = Limits.maxListItems;

/** A button on a card or form. */
export const uiActionSchema = object({ id: id(), label: label() });
/** A label/value line on a card. */
export const uiFieldSchema = object({ label: label(), value: label() });

/** The body of a card (used alone in `ui.card` and in lists in `ui.cards`). */
export const cardBodySchema = object({
  cardId: id(),
  title: label(),
  subtitle: optional(label()),
  body: optional(text()),
  imageUrl: optional(url()),
  fields: optional(array(uiFieldSchema, list)),
  actions: optional(array(uiActionSchema, 4)),
});

/** Show one card (e.g. a recommended credit card). All strings are plain text. */
export const uiCardSchema = message('ui.card', { card: cardBodySchema });

/** Show several cards, optionally as a comparison on the named field labels. */
export const uiCardsSchema = message('ui.cards', {
  title: optional(label()),
  cards: array(cardBodySchema, 6, { min: 1 }),
  compare: optional(array(label(), list)),
});

/** Kinds of form field. */
export const FORM_FIELD_KINDS = ['text', 'number', 'select', 'checkbox', 'date', 'file', 'phone'] as const;

/** One form field. */
export const formFieldSchema = object({
  name: id(),
  label: label(),
  kind: enumOf(FORM_FIELD_KINDS),
  required: optional(boolean()),
  options: optional(array(uiActionSchema, 32)),
  hint: optional(label()),
});

/** Show a form; the answer comes back as a `user.action` with kind 'form.submit' and `target` = formId. */
export const uiFormSchema = message('ui.form', {
  formId: id(),
  title: label(),
  fields: array(formFieldSchema, 24, { min: 1 }),
  submitLabel: optional(label()),
});

/**
 * A risk disclosure. `marker: 'start'` shows it (title and text required) and marks the start of the segment the
 * bank's dual recording (双录) must capture; `marker: 'end'` marks its end.
 */
export const uiDisclosureSchema = refine(
  message('ui.disclosure', {
    disclosureId: id(),
    marker: enumOf(['start', 'end'] as const),
    title: optional(label()),
    text: optional(text()),
    /** The customer must scroll to the end before acknowledging. */
    requireScroll: optional(boolean()),
    ackLabel: optional(label()),
  }),
  (m) => m.marker === 'end' || (m.title !== undefined && m.text !== undefined),
  "a 'start' disclosure needs title and text",
);

/** A queue number taken at the branch. */
export const uiQueueTicketSchema = message('ui.queue_ticket', {
  ticketId: id(),
  number: string(16, { min: 1 }),
  businessType: label(),
  estimatedWaitMs: optional(millis()),
  /** Text to encode as a QR code (plain data, not a URL to fetch). */
  qr: optional(string(512)),
});

/** Ask for a satisfaction survey at the end of a flow. */
export const uiSurveySchema = message('ui.survey', {
  surveyId: id(),
  csat: boolean(),
  nps: boolean(),
  freeText: boolean(),
  title: optional(label()),
});

/** Tappable suggested replies; a tap comes back as `user.action` kind 'quick_reply' (and may be sent as text). */
export const uiQuickRepliesSchema = message('ui.quick_replies', {
  replies: array(uiActionSchema, 8),
});

/** Product risk levels R1 (lowest) .. R5 (highest). */
export const RISK_LEVELS = ['R1', 'R2', 'R3', 'R4', 'R5'] as const;

/** One investment product. */
export const productSchema = object({
  productId: id(),
  name: label(),
  riskLevel: enumOf(RISK_LEVELS),
  /** Indicative or past annual return in percent; UIs must show the past-performance notice with it. */
  returnPct: optional(number(-100, 1000)),
  horizon: optional(label()),
  minAmount: optional(number(0, 1e12)),
  description: optional(text()),
});

/** Show products; the flow model on the client still filters them by the customer's risk level. */
export const uiProductsSchema = message('ui.products', {
  products: array(productSchema, list),
  notice: optional(text()),
});
