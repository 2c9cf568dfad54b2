import type { MessageOf } from '@digital-human/protocol';

/** The customer-facing languages of the widgets. */
export type WidgetLanguage = 'zh-CN' | 'en';

/** A card body as sent in `ui.card` / `ui.cards` (all strings plain text). */
export type CardBody = MessageOf<'ui.card'>['card'];
/** A list of cards, optionally compared on field labels. */
export type CardList = Pick<MessageOf<'ui.cards'>, 'cards'> & {
  readonly title?: string | undefined;
  readonly compare?: readonly string[] | undefined;
};
/** A form as sent in `ui.form`. */
export type FormSpec = Omit<MessageOf<'ui.form'>, 'v' | 'type' | 'id' | 'ts'>;
/** One investment product as sent in `ui.products`. */
export type Product = MessageOf<'ui.products'>['products'][number];
/** A queue ticket as sent in `ui.queue_ticket`. */
export type QueueTicket = Omit<MessageOf<'ui.queue_ticket'>, 'v' | 'type' | 'id' | 'ts'>;
/** A survey request as sent in `ui.survey`. */
export type SurveySpec = Omit<MessageOf<'ui.survey'>, 'v' | 'type' | 'id' | 'ts'>;
/** A tappable reply. */
export type QuickReply = MessageOf<'ui.quick_replies'>['replies'][number];

/** A risk disclosure as the customer sees it, with what they have done with it. */
export interface DisclosureView {
  readonly disclosureId: string;
  readonly title: string;
  readonly text: string;
  readonly requireScroll: boolean;
  readonly ackLabel: string | undefined;
  /** The customer scrolled to the end. */
  readonly scrolled: boolean;
  /** The customer acknowledged it. */
  readonly acknowledged: boolean;
  /** The dialog sent the end marker (the 双录 segment is closed). */
  readonly ended: boolean;
}

/** What the dialog has put on screen for the current step. Each slot holds the latest message of its kind. */
export interface FlowContent {
  readonly card?: CardBody;
  readonly cards?: CardList;
  readonly form?: FormSpec;
  readonly disclosure?: DisclosureView;
  readonly quickReplies?: readonly QuickReply[];
  readonly survey?: SurveySpec;
  readonly ticket?: QueueTicket;
  readonly products?: readonly Product[];
  readonly productsNotice?: string;
}

/** One line of what the avatar said. */
export interface CaptionLine {
  readonly id: string;
  readonly text: string;
  readonly final: boolean;
}

/** A scalar a user action may carry. */
export type ActionValue = string | number | boolean | readonly (string | number | boolean)[];
/** The payload of a user action. */
export type ActionPayload = Readonly<Record<string, ActionValue>>;
/** What a flow model sends to the dialog service (through the transport). */
export type OutgoingMessage = MessageOf<'user.action'> | MessageOf<'user.text'>;

/** The customer's answers to the satisfaction survey; a missing score is `null`. */
export interface SurveyAnswer {
  /** Customer satisfaction 1..5. */
  readonly csat: number | null;
  /** Net promoter score 0..10. */
  readonly nps: number | null;
  /** Free text (may be empty). */
  readonly text: string;
}
