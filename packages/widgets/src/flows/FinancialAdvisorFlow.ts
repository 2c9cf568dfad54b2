import type { JsonMessage } from '@digital-human/protocol';
import { WidgetFlow } from './analytics';
import type { ActionPayload, Product } from './content';
import { FlowModel, type FlowModelOptions, type FlowSnapshot } from './FlowModel';
import {
  type AllocationSlice,
  allocate,
  type CustomerLevel,
  isSuitable,
  scoreQuestionnaire,
} from './riskLevel';
import { WidgetError } from './WidgetError';

/** The steps of the financial advisor, in order. */
export const ADVISOR_STEPS = [
  'idle',
  'profile',
  'questionnaire',
  'products',
  'plan',
  'disclosure',
  'confirm',
  'survey',
  'done',
] as const;
/** One step of the financial advisor. */
export type AdvisorStep = (typeof ADVISOR_STEPS)[number];

const TRANSITIONS: Readonly<Record<AdvisorStep, readonly AdvisorStep[]>> = {
  idle: ['profile'],
  profile: ['questionnaire'],
  questionnaire: ['products'],
  products: ['plan', 'questionnaire'],
  plan: ['disclosure', 'products'],
  disclosure: ['confirm'],
  confirm: ['survey'],
  survey: ['done'],
  done: [],
};

/** Extras of the advisor's snapshot. */
export interface AdvisorExtra {
  /** The customer's level from the questionnaire (computed here, on the device). */
  readonly customerLevel: CustomerLevel | undefined;
  /** The amount to invest, from the profile form. */
  readonly amount: number;
  /** The allocation plan over the suitable products (chart data). */
  readonly allocation: readonly AllocationSlice[];
  /** How many products the dialog sent that were above the customer's level and were dropped. */
  readonly blockedProducts: number;
}

/** Snapshot of a {@link FinancialAdvisorFlow}. */
export type AdvisorSnapshot = FlowSnapshot<AdvisorStep, AdvisorExtra>;

/**
 * The financial advisor as a state machine: profile (goal, horizon, amount, risk preference) → risk questionnaire
 * (C1–C5, scored here) → products, of which ONLY those with R-level ≤ the customer's level ever reach the snapshot
 * (others are dropped with a `compliance_blocked` event) → allocation plan → risk disclosure that must be scrolled
 * and acknowledged before any other action → confirmation → survey.
 */
export class FinancialAdvisorFlow extends FlowModel<AdvisorStep, AdvisorExtra> {
  readonly flow = WidgetFlow.financialAdvisor;
  /** The suitable products last shown (the plan is built only from these). */
  private shown: readonly Product[] = [];

  constructor(options: FlowModelOptions = {}) {
    super(
      TRANSITIONS,
      'idle',
      { customerLevel: undefined, amount: 0, allocation: [], blockedProducts: 0 },
      options,
    );
  }

  /** Accepts the allocation plan; reports `recommendation_accepted`. */
  acceptPlan(): void {
    this.track({ type: 'recommendation_accepted', itemId: 'plan', turns: this.getSnapshot().turns });
    this.press('plan.accept');
  }

  /** Confirms the purchase after the disclosure (inside the confirmation's dual-recording segment). */
  confirm(): void {
    this.press('plan.confirm');
  }

  /** Every action except asking for a person waits for the risk disclosure to be acknowledged. */
  override press(actionId: string, payload?: ActionPayload): void {
    this.requireDisclosure();
    super.press(actionId, payload);
  }

  override submitForm(values: ActionPayload): void {
    this.requireDisclosure();
    super.submitForm(values);
  }

  protected override guardForm(formId: string, values: ActionPayload): ActionPayload {
    if (formId === 'profile') {
      const amount = Number(values.amount);
      if (!Number.isFinite(amount) || amount <= 0) throw WidgetError.invalidInput(this.flow, 'amount');
      this.updateExtra({ amount });
    }
    if (formId === 'risk') {
      const answers = Object.values(values).filter((v): v is string => typeof v === 'string');
      const level = scoreQuestionnaire(answers);
      if (!level) throw WidgetError.invalidInput(this.flow, 'risk');
      this.updateExtra({ customerLevel: level });
      return { ...values, level };
    }
    return values;
  }

  protected override canEnter(from: AdvisorStep, to: AdvisorStep): boolean {
    if (from === 'disclosure') return this.getSnapshot().content.disclosure?.acknowledged === true;
    if (to === 'products') return this.getSnapshot().extra.customerLevel !== undefined;
    return true;
  }

  protected override accept(message: JsonMessage): JsonMessage | undefined {
    if (message.type !== 'ui.products') return message;
    const level = this.getSnapshot().extra.customerLevel;
    const allowed: Product[] = [];
    for (const p of message.products) {
      if (isSuitable(p.riskLevel, level)) allowed.push(p);
      else
        this.track({
          type: 'compliance_blocked',
          productId: p.productId,
          productRisk: p.riskLevel,
          customerLevel: level ?? 'none',
        });
    }
    const blocked = message.products.length - allowed.length;
    if (blocked > 0)
      this.updateExtra({ blockedProducts: this.getSnapshot().extra.blockedProducts + blocked });
    return { ...message, products: allowed };
  }

  protected override onEnter(step: AdvisorStep): void {
    const s = this.getSnapshot();
    if (step === 'products') {
      this.shown = s.content.products ?? [];
      const ids = this.shown.map((p) => p.productId);
      this.track({ type: 'recommendation_shown', turns: s.turns, itemIds: ids });
      this.updateExtra({ allocation: [] });
    }
    if (step === 'plan' && s.extra.customerLevel) {
      this.updateExtra({ allocation: allocate(this.shown, s.extra.customerLevel, s.extra.amount) });
    }
    if (step === 'survey') this.complete();
  }

  private requireDisclosure(): void {
    const s = this.getSnapshot();
    const d = s.content.disclosure;
    if (s.step === 'disclosure' && d && !d.acknowledged) throw WidgetError.disclosureUnread(d.disclosureId);
  }
}
