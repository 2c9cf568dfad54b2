// Storybook only: headless walks that bring a flow model to a given step over the in-page reference dialog
// (`createLocalLoop`, the test-only local transport), so every widget step can be shown and tested on its own.
import { BranchGreeterFlow, type GreeterStep } from '../src/flows/BranchGreeterFlow';
import { CardApplicationFlow, type CardStep } from '../src/flows/CardApplicationFlow';
import { type AdvisorStep, FinancialAdvisorFlow } from '../src/flows/FinancialAdvisorFlow';
import type { ImagePixels } from '../src/flows/imagePrecheck';
import { createLocalLoop, type LocalLoop } from '../src/testing/localLoop';

/** The three drop-in flows. */
export type StoryFlow = 'card' | 'greeter' | 'advisor';
/** A step of one of the flows. */
export type StoryStep = CardStep | GreeterStep | AdvisorStep;
/** One model of the three. */
export type StoryModel = CardApplicationFlow | BranchGreeterFlow | FinancialAdvisorFlow;

/** A sharp synthetic ID photo (8-px checkerboard): passes the on-device blur pre-check. */
function sharpPhoto(width = 800, height = 500): ImagePixels {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const v = ((x >> 3) + (y >> 3)) % 2 ? 230 : 20;
      data.set([v, v, v, 255], (y * width + x) * 4);
    }
  return { width, height, data };
}
const jpeg = (name: string) => ({ name, type: 'image/jpeg', size: 200_000 });

/** The credit-card application, one customer action per step. */
function cardActions(flow: CardApplicationFlow): (() => void)[] {
  return [
    () => flow.start(),
    () => flow.submitForm({ benefit: 'travel', usage: 'abroad' }),
    () => flow.choose(flow.getSnapshot().content.cards?.cards[0]?.cardId ?? ''),
    () => flow.apply(),
    () => {
      flow.checkUpload('idFront', jpeg('front.jpg'), sharpPhoto());
      flow.checkUpload('idBack', jpeg('back.jpg'), sharpPhoto());
      flow.submitForm({});
    },
    () => flow.submitForm({ sms: true, autopay: false, insurance: false }),
    () => {
      flow.markDisclosureScrolled();
      flow.acknowledgeDisclosure();
    },
    () => flow.proceed(),
    () => flow.proceed(),
    () => flow.proceed(),
    () => flow.submitSurvey({ csat: 5, nps: 9, text: '' }),
  ];
}

/** The branch greeter (the customer walks up: camera presence, or a tap on 开始服务). */
function greeterActions(flow: BranchGreeterFlow): (() => void)[] {
  return [
    () => flow.start(),
    () => flow.presence(true),
    () => flow.quickReply('greet.quiz'),
    () => flow.submitForm({ spend: 'q1.travel' }),
    () => flow.quickReply('greet.ticket'),
    () => flow.quickReply('greet.guide'),
    () => flow.quickReply('greet.finish'),
    () => flow.submitSurvey({ csat: 5, nps: 10, text: '' }),
    () => flow.presence(false),
  ];
}

/** The financial advisor: a balanced growth profile scoring C3. */
function advisorActions(flow: FinancialAdvisorFlow): (() => void)[] {
  return [
    () => flow.start(),
    () =>
      flow.submitForm({ goal: 'goal.wealth', horizon: 'h.long', amount: 100_000, preference: 'p.balanced' }),
    () => flow.submitForm({ q1: 'q1-s3', q2: 'q2-s3', q3: 'q3-s3' }),
    () => flow.press('plan.show'),
    () => flow.acceptPlan(),
    () => {
      flow.markDisclosureScrolled();
      flow.acknowledgeDisclosure();
    },
    () => flow.confirm(),
    () => flow.submitSurvey({ csat: 4, nps: 8, text: '' }),
  ];
}

/** A flow model wired to the in-page reference dialog. */
export interface StoryLoop {
  readonly model: StoryModel;
  readonly loop: LocalLoop;
}

/** Creates the model of `flow` on a fresh in-page dialog engine. */
export function createStoryLoop(flow: StoryFlow, language: 'en' | 'zh-CN', idPrefix: string): StoryLoop {
  const options = { idPrefix, language };
  const model =
    flow === 'card'
      ? new CardApplicationFlow(options)
      : flow === 'greeter'
        ? new BranchGreeterFlow(options)
        : new FinancialAdvisorFlow(options);
  return { model, loop: createLocalLoop(model, language) };
}

/**
 * Performs the flow's customer actions in order until the model shows `step` (at least the first: start).
 * Throws when the walk ends elsewhere, so a story never silently shows the wrong step.
 */
export async function walkTo({ model, loop }: StoryLoop, step: StoryStep): Promise<void> {
  const actions =
    model instanceof CardApplicationFlow
      ? cardActions(model)
      : model instanceof BranchGreeterFlow
        ? greeterActions(model)
        : advisorActions(model);
  for (const act of actions) {
    act();
    await loop.settle();
    if (model.getSnapshot().step === step) return;
  }
  throw new Error(`stories: the walk ended at '${model.getSnapshot().step}', not '${step}'`);
}
