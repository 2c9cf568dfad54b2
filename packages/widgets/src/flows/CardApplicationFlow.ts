import { WidgetFlow } from './analytics';
import type { ActionPayload } from './content';
import { FlowModel, type FlowModelOptions, type FlowSnapshot } from './FlowModel';
import {
  DEFAULT_PRECHECK_LIMITS,
  type ImagePixels,
  type PrecheckLimits,
  type PrecheckResult,
  precheckImage,
  type UploadMeta,
} from './imagePrecheck';
import { WidgetError } from './WidgetError';

/** The steps of the credit-card application, in order. */
export const CARD_STEPS = [
  'idle',
  'needs',
  'recommend',
  'details',
  'materials',
  'services',
  'terms',
  'timeline',
  'activation',
  'tips',
  'survey',
  'done',
] as const;
/** One step of the credit-card application. */
export type CardStep = (typeof CARD_STEPS)[number];

const TRANSITIONS: Readonly<Record<CardStep, readonly CardStep[]>> = {
  idle: ['needs'],
  needs: ['recommend'],
  recommend: ['details', 'needs'],
  details: ['materials', 'recommend'],
  materials: ['services'],
  services: ['terms'],
  terms: ['timeline'],
  timeline: ['activation'],
  activation: ['tips'],
  tips: ['survey'],
  survey: ['done'],
  done: [],
};

/** The pre-check of one uploaded file. */
export interface UploadCheck {
  readonly fileName: string;
  readonly result: PrecheckResult;
}

/** Extras of the card flow's snapshot. */
export interface CardFlowExtra {
  /** Pre-checks per materials field name. */
  readonly uploads: Readonly<Record<string, UploadCheck>>;
  /** The card the customer chose. */
  readonly chosenCardId: string | undefined;
}

/** Snapshot of a {@link CardApplicationFlow}. */
export type CardFlowSnapshot = FlowSnapshot<CardStep, CardFlowExtra>;

/** Options of a {@link CardApplicationFlow}. */
export interface CardApplicationFlowOptions extends FlowModelOptions {
  /** Limits of the materials pre-check. */
  readonly precheck?: PrecheckLimits;
}

/**
 * The credit-card application as a state machine: need discovery → recommendations → details → materials (with
 * an on-device pre-check of each photo) → value-added services → terms & risk notices (scroll and acknowledge) →
 * timeline → activation guide → first-use tips → survey. Reports turns until the recommendation, the accepted card,
 * drop-offs per step, completion and handling time.
 */
export class CardApplicationFlow extends FlowModel<CardStep, CardFlowExtra> {
  readonly flow = WidgetFlow.cardApplication;
  private readonly limits: PrecheckLimits;

  constructor(options: CardApplicationFlowOptions = {}) {
    super(TRANSITIONS, 'idle', { uploads: {}, chosenCardId: undefined }, options);
    this.limits = options.precheck ?? DEFAULT_PRECHECK_LIMITS;
  }

  /** Chooses a recommended card; reports `recommendation_accepted`. */
  choose(cardId: string): void {
    this.track({ type: 'recommendation_accepted', itemId: cardId, turns: this.getSnapshot().turns });
    this.updateExtra({ chosenCardId: cardId });
    this.press('card.choose', { cardId });
  }

  /** Asks for other recommendations (back to need discovery). */
  chooseAgain(): void {
    this.press('card.again');
  }

  /** Applies for the card shown in the details. */
  apply(): void {
    this.press('card.apply', { cardId: this.getSnapshot().extra.chosenCardId ?? '' });
  }

  /** Goes on from an information step (timeline, activation, tips). */
  proceed(): void {
    this.press('next', { step: this.getSnapshot().step });
  }

  /** Pre-checks a photo for the materials field `field` (on the device; the pixels never leave it). */
  checkUpload(field: string, meta: UploadMeta, pixels: ImagePixels | undefined): PrecheckResult {
    const result = precheckImage(meta, pixels, this.limits);
    const uploads = { ...this.getSnapshot().extra.uploads, [field]: { fileName: meta.name, result } };
    this.updateExtra({ uploads });
    return result;
  }

  /** The required file fields of the materials form that have no passing upload yet. */
  missingMaterials(): string[] {
    const form = this.getSnapshot().content.form;
    const uploads = this.getSnapshot().extra.uploads;
    if (!form) return [];
    return form.fields
      .filter((f) => f.kind === 'file' && f.required && !uploads[f.name]?.result.ok)
      .map((f) => f.name);
  }

  protected override guardForm(formId: string, values: ActionPayload): ActionPayload {
    if (formId !== 'materials') return values;
    const missing = this.missingMaterials();
    if (missing.length > 0) throw WidgetError.materialsRejected(missing);
    const uploads = this.getSnapshot().extra.uploads;
    const names: Record<string, string> = {};
    for (const [field, check] of Object.entries(uploads)) if (check.result.ok) names[field] = check.fileName;
    return { ...values, ...names };
  }

  protected override canEnter(from: CardStep, to: CardStep): boolean {
    // Terms and risk notices must be acknowledged before the application goes on.
    if (from === 'terms' && to === 'timeline')
      return this.getSnapshot().content.disclosure?.acknowledged === true;
    return true;
  }

  protected override onEnter(step: CardStep): void {
    const s = this.getSnapshot();
    if (step === 'recommend') {
      const ids =
        s.content.cards?.cards.map((c) => c.cardId) ?? (s.content.card ? [s.content.card.cardId] : []);
      this.track({ type: 'recommendation_shown', turns: s.turns, itemIds: ids });
    }
    if (step === 'survey') this.complete();
  }
}
