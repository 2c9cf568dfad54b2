/** The three business flows of the widgets. */
export const WidgetFlow = {
  cardApplication: 'card_application',
  branchGreeter: 'branch_greeter',
  financialAdvisor: 'financial_advisor',
} as const;
/** One of the {@link WidgetFlow} ids. */
export type WidgetFlow = (typeof WidgetFlow)[keyof typeof WidgetFlow];

/** Fields every analytics event carries. */
interface EventBase {
  /** The flow that produced the event. */
  readonly flow: WidgetFlow;
  /** The flow's step when the event happened. */
  readonly step: string;
  /** Clock time, ms (the model's injected clock). */
  readonly at: number;
}

/**
 * A typed analytics event for the bank's KPIs. Events never carry personal data: ids, steps, counts and
 * durations only.
 */
export type WidgetAnalyticsEvent =
  | (EventBase & { readonly type: 'flow_started' })
  | (EventBase & { readonly type: 'step_entered'; readonly from: string })
  | (EventBase & {
      readonly type: 'recommendation_shown';
      readonly turns: number;
      readonly itemIds: readonly string[];
    })
  | (EventBase & {
      readonly type: 'recommendation_accepted';
      readonly itemId: string;
      readonly turns: number;
    })
  | (EventBase & {
      readonly type: 'drop_off';
      readonly reason: DropOffReason;
      readonly handlingTimeMs: number;
    })
  | (EventBase & { readonly type: 'flow_completed'; readonly handlingTimeMs: number; readonly turns: number })
  | (EventBase & { readonly type: 'queue_ticket'; readonly success: boolean; readonly businessType: string })
  | (EventBase & { readonly type: 'handoff_requested' })
  | (EventBase & {
      readonly type: 'compliance_blocked';
      readonly productId: string;
      readonly productRisk: string;
      readonly customerLevel: string;
    })
  | (EventBase & {
      readonly type: 'disclosure';
      readonly disclosureId: string;
      readonly marker: DisclosureMark;
    })
  | (EventBase & {
      readonly type: 'survey_submitted';
      readonly csat: number | null;
      readonly nps: number | null;
      readonly hasText: boolean;
    });

/** The type tag of a {@link WidgetAnalyticsEvent}. */
export type WidgetAnalyticsType = WidgetAnalyticsEvent['type'];

/** Why a customer left a flow before completing it. */
export type DropOffReason = 'abandoned' | 'handoff' | 'left';

/** Points of a disclosure the bank's dual recording (双录) and compliance log care about. */
export type DisclosureMark = 'start' | 'scrolled' | 'acknowledged' | 'end';

/** Where the widgets send their analytics events; the bank provides it (to its own analytics pipeline). */
export interface AnalyticsAdapter {
  /** Receives one event. Must not throw; an adapter that throws is ignored for that event. */
  track(event: WidgetAnalyticsEvent): void;
}

/** An adapter that keeps events in memory, for tests and debugging. */
export class MemoryAnalytics implements AnalyticsAdapter {
  /** Every event received, in order. */
  readonly events: WidgetAnalyticsEvent[] = [];

  /** Stores the event. */
  track(event: WidgetAnalyticsEvent): void {
    this.events.push(event);
  }

  /** The type tags received, in order (optionally only those in `types`). */
  types(...types: WidgetAnalyticsType[]): WidgetAnalyticsType[] {
    const all = this.events.map((e) => e.type);
    return types.length === 0 ? all : all.filter((t) => types.includes(t));
  }
}
