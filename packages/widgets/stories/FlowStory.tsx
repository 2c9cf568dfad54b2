// Storybook only: one drop-in widget shown at one step of its flow, on the in-page reference dialog.
import { type ReactNode, useEffect, useState } from 'react';
import { BranchGreeterFlow } from '../src/flows/BranchGreeterFlow';
import { CardApplicationFlow } from '../src/flows/CardApplicationFlow';
import { BranchGreeterWidget } from '../src/ui/BranchGreeterWidget';
import { CardApplicationWidget } from '../src/ui/CardApplicationWidget';
import { FinancialAdvisorWidget } from '../src/ui/FinancialAdvisorWidget';
import { createStoryLoop, type StoryFlow, type StoryLoop, type StoryStep, walkTo } from './flowWalks';

/** Props of {@link FlowStory}. */
export interface FlowStoryProps {
  /** Which drop-in. */
  flow: StoryFlow;
  /** The step to show (reached by the customer's actions on the reference dialog before the widget renders). */
  step: StoryStep;
  language: 'en' | 'zh-CN';
  layout: 'mobile' | 'kiosk';
  /** Stands in for `<DigitalHuman/>` in the avatar slot (default: a plain placeholder box). */
  avatar?: ReactNode;
}

/**
 * The controls every flow's stories share: flow, step and avatar are fixed by each story; language and layout are
 * the designer's to switch. Spread into each file's `meta`.
 */
export const flowStoryControls = {
  argTypes: {
    flow: { table: { disable: true } },
    step: { table: { disable: true } },
    avatar: { table: { disable: true } },
    language: { control: 'inline-radio', options: ['en', 'zh-CN'] },
    layout: { control: 'inline-radio', options: ['mobile', 'kiosk'] },
  },
  parameters: { layout: 'fullscreen' },
} as const;

let stories = 0;

/** Renders the widget of `flow` at `step`; "walking…" until the walk is done. */
export function FlowStory({ flow, step, language, layout, avatar }: FlowStoryProps): ReactNode {
  const [ready, setReady] = useState<StoryLoop | null>(null);
  const [failure, setFailure] = useState('');
  useEffect(() => {
    stories += 1;
    const loop = createStoryLoop(flow, language, `s${stories}`);
    let live = true;
    walkTo(loop, step).then(
      () => live && setReady(loop),
      (e: unknown) => live && setFailure(String(e)),
    );
    return () => {
      live = false;
      loop.loop.dispose();
      loop.model.dispose();
    };
  }, [flow, step, language]);
  if (failure) return <p role="alert">{failure}</p>;
  if (!ready) return <p>walking to {step}…</p>;
  const slot = avatar ?? <div data-testid="avatar-slot" style={SLOT_STYLE} />;
  const common = { language, layout, avatar: slot, autoStart: false } as const;
  const { model } = ready;
  return (
    <div style={layout === 'kiosk' ? KIOSK_STYLE : MOBILE_STYLE}>
      {model instanceof CardApplicationFlow ? (
        <CardApplicationWidget {...common} flow={model} />
      ) : model instanceof BranchGreeterFlow ? (
        <BranchGreeterWidget {...common} flow={model} goodbyeMs={3_600_000} promoIntervalMs={3_600_000} />
      ) : (
        <FinancialAdvisorWidget {...common} flow={model} />
      )}
    </div>
  );
}

const SLOT_STYLE = { width: '100%', height: '100%', background: 'linear-gradient(#cfe0ee, #eef2f6)' };
const MOBILE_STYLE = { width: 360, height: 640, position: 'relative' as const };
const KIOSK_STYLE = { width: 540, height: 960, position: 'relative' as const };
