import type { JsonMessage } from '@digital-human/protocol';
import { WidgetFlow } from './analytics';
import type { CardBody } from './content';
import { FlowModel, type FlowModelOptions, type FlowSnapshot } from './FlowModel';

/** The steps of the branch greeter. */
export const GREETER_STEPS = [
  'attract',
  'greet',
  'quiz',
  'quiz_result',
  'ticket',
  'guide',
  'survey',
  'goodbye',
  'done',
] as const;
/** One step of the branch greeter. */
export type GreeterStep = (typeof GREETER_STEPS)[number];

const SERVING: readonly GreeterStep[] = ['quiz', 'ticket', 'guide', 'survey', 'goodbye'];
const TRANSITIONS: Readonly<Record<GreeterStep, readonly GreeterStep[]>> = {
  attract: ['greet'],
  greet: SERVING,
  quiz: ['quiz_result', 'goodbye'],
  quiz_result: SERVING,
  ticket: SERVING,
  guide: SERVING,
  survey: ['done', 'goodbye'],
  goodbye: ['attract'],
  done: ['attract', 'goodbye'],
};

/** Extras of the greeter's snapshot. */
export interface GreeterExtra {
  /** Someone stands in front of the screen (from `sense`). */
  readonly present: boolean;
  /** Promotional announcements for the attract loop (from the dialog's `ui.cards` while idle). */
  readonly promos: readonly CardBody[];
  /** The promotion shown now. */
  readonly promoIndex: number;
}

/** Snapshot of a {@link BranchGreeterFlow}. */
export type GreeterSnapshot = FlowSnapshot<GreeterStep, GreeterExtra>;

/**
 * The lobby greeter as a state machine: an attract loop with promotions while nobody is there, wakes when a face
 * arrives (each arrival is a new customer session), greets, asks the purpose, runs the "which card suits you" quiz,
 * takes a queue number, explains materials and steps, says goodbye when the customer leaves and goes back to the
 * attract loop. Reports queue-ticket success, completion, drop-off (customer left) and handling time.
 */
export class BranchGreeterFlow extends FlowModel<GreeterStep, GreeterExtra> {
  readonly flow = WidgetFlow.branchGreeter;

  constructor(options: FlowModelOptions = {}) {
    super(TRANSITIONS, 'attract', { present: false, promos: [], promoIndex: 0 }, options);
  }

  /** Puts the greeter into its attract loop (asks the dialog for the flow; the session starts on presence). */
  override start(): void {
    this.press('flow.start', { flow: this.flow });
  }

  /** Presence from face tracking: an arrival wakes the greeter, a departure says goodbye (and ends the session). */
  presence(present: boolean): void {
    if (present === this.getSnapshot().extra.present) return;
    this.updateExtra({ present });
    if (present && this.getSnapshot().step === 'attract') this.beginSession();
    if (!present) this.abandon('left');
    this.press('presence', { present });
  }

  /** Shows the next promotion of the attract loop. */
  nextPromo(): void {
    const { promos, promoIndex } = this.getSnapshot().extra;
    if (promos.length > 0) this.updateExtra({ promoIndex: (promoIndex + 1) % promos.length });
  }

  /** Asks for a queue number for `business` (a business-type id from the greeting's choices). */
  takeTicket(business: string): void {
    this.press('ticket.take', { business });
  }

  protected override accept(message: JsonMessage): JsonMessage | undefined {
    if (
      message.type === 'ui.cards' &&
      this.getSnapshot().step === 'attract' &&
      !this.getSnapshot().extra.present
    )
      this.updateExtra({ promos: message.cards, promoIndex: 0 });
    return message;
  }

  protected override onEnter(step: GreeterStep): void {
    const s = this.getSnapshot();
    if (step === 'ticket') {
      const t = s.content.ticket;
      this.track({ type: 'queue_ticket', success: t !== undefined, businessType: t?.businessType ?? '' });
    }
    if (step === 'survey') this.complete();
  }
}
