import type { ConnectionState, Speaker } from '@digital-human/core';
import type { DigitalHumanElementErrorCode } from './DigitalHumanElementError';

/** `dh-ready`: the avatar is shown, in 3D (`webgl`) or as the still portrait with captions (`fallback`). */
export interface ReadyDetail {
  readonly mode: 'webgl' | 'fallback';
}

/** `dh-error`: a typed failure; the element keeps working in its graceful mode. */
export interface ErrorDetail {
  readonly code: DigitalHumanElementErrorCode;
  readonly message: string;
  /** A finer reason from the layer below (e.g. the avatar's `corrupt`), when there is one. */
  readonly detail: string | undefined;
  /** The error itself (with its `cause`). */
  readonly error: Error;
}

/** `dh-caption`: a caption line was added or updated (interim lines are replaced by id). */
export interface CaptionDetail {
  readonly id: string;
  readonly speaker: Speaker;
  readonly text: string;
  readonly final: boolean;
}

/** `dh-connection`: the link to the dialog service changed state. */
export interface ConnectionDetail {
  readonly state: ConnectionState;
}

/** `dh-handoff-requested`: the dialog service asks for a human operator. */
export interface HandoffRequestedDetail {
  readonly reason: string;
  readonly flow: string | undefined;
}

/** `dh-flow-completed`: a business flow reached its end. */
export interface FlowCompletedDetail {
  readonly flow: string;
}

/** The `<digital-human>` element's DOM events, by name: all `CustomEvent`s that bubble and cross the shadow root. */
export interface DigitalHumanElementEventMap {
  'dh-ready': CustomEvent<ReadyDetail>;
  'dh-error': CustomEvent<ErrorDetail>;
  'dh-caption': CustomEvent<CaptionDetail>;
  'dh-connection': CustomEvent<ConnectionDetail>;
  'dh-handoff-requested': CustomEvent<HandoffRequestedDetail>;
  'dh-flow-completed': CustomEvent<FlowCompletedDetail>;
}

/** The names of the element's events. */
export type DigitalHumanElementEventName = keyof DigitalHumanElementEventMap;

/** The detail type of an element event. */
export type DetailOf<K extends DigitalHumanElementEventName> =
  DigitalHumanElementEventMap[K] extends CustomEvent<infer D> ? D : never;
