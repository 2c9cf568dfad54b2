import type { Infer, Schema } from '../schemaIndex';
import {
  ackSchema,
  dialogStateSchema,
  emotionCueSchema,
  handoffAssistSchema,
  handoffHandBackSchema,
  handoffRequestSchema,
  handoffStateSchema,
  handoffTakeOverSchema,
} from './control';
import {
  speechCaptionSchema,
  speechEndSchema,
  speechStartSchema,
  speechTranscriptSchema,
  speechVisemesSchema,
} from './speech';
import {
  uiCardSchema,
  uiCardsSchema,
  uiDisclosureSchema,
  uiFormSchema,
  uiProductsSchema,
  uiQueueTicketSchema,
  uiQuickRepliesSchema,
  uiSurveySchema,
} from './ui';
import { helloSchema, userActionSchema, userSentimentSchema, userTextSchema } from './user';

/** Schema of every JSON message type, keyed by `type`. */
export const MESSAGE_SCHEMAS = {
  hello: helloSchema,
  ack: ackSchema,
  'speech.start': speechStartSchema,
  'speech.end': speechEndSchema,
  'speech.visemes': speechVisemesSchema,
  'speech.caption': speechCaptionSchema,
  'speech.transcript': speechTranscriptSchema,
  'emotion.cue': emotionCueSchema,
  'dialog.state': dialogStateSchema,
  'ui.card': uiCardSchema,
  'ui.cards': uiCardsSchema,
  'ui.form': uiFormSchema,
  'ui.disclosure': uiDisclosureSchema,
  'ui.queue_ticket': uiQueueTicketSchema,
  'ui.survey': uiSurveySchema,
  'ui.quick_replies': uiQuickRepliesSchema,
  'ui.products': uiProductsSchema,
  'handoff.request': handoffRequestSchema,
  'handoff.take_over': handoffTakeOverSchema,
  'handoff.hand_back': handoffHandBackSchema,
  'handoff.state': handoffStateSchema,
  'handoff.assist': handoffAssistSchema,
  'user.action': userActionSchema,
  'user.text': userTextSchema,
  'user.sentiment': userSentimentSchema,
} as const satisfies Record<string, Schema<{ type: string }>>;

/** The type of every JSON message. */
export type JsonMessageType = keyof typeof MESSAGE_SCHEMAS;
/** The binary operator face frame's type name (it has no JSON form). */
export const FACE_FRAME_TYPE = 'operator.face';
/** Every message type, JSON and binary. */
export type MessageType = JsonMessageType | typeof FACE_FRAME_TYPE;

/** All JSON message types, in declaration order. */
export const JSON_MESSAGE_TYPES = Object.keys(MESSAGE_SCHEMAS) as readonly JsonMessageType[];

/** The JSON message of type `T`, as validated. */
export type MessageOf<T extends JsonMessageType> = Infer<(typeof MESSAGE_SCHEMAS)[T]>;
/** Any JSON message (a union discriminated by `type`). */
export type JsonMessage = { [T in JsonMessageType]: MessageOf<T> }[JsonMessageType];

/** True when `type` names a JSON message type of this build. */
export function isJsonMessageType(type: string): type is JsonMessageType {
  return Object.hasOwn(MESSAGE_SCHEMAS, type);
}
