import { type ReactNode, useEffect } from 'react';
import { BranchGreeterFlow } from '../flows/BranchGreeterFlow';
import { CardView } from './CardParts';
import { ContentView } from './ContentView';
import { t } from './strings';
import { type FlowWidgetProps, useFlowModel } from './useFlowModel';
import { useFlowSnapshot } from './useFlowSnapshot';
import { WidgetShell } from './WidgetShell';

/** Props of {@link BranchGreeterWidget}. */
export interface BranchGreeterWidgetProps extends FlowWidgetProps<BranchGreeterFlow> {
  /** Milliseconds between promotions in the attract loop (default 8000). */
  readonly promoIntervalMs?: number;
  /** Milliseconds the goodbye stays before the attract loop returns (default 4000). */
  readonly goodbyeMs?: number;
}

/**
 * The lobby greeter panel (kiosk layout by default): attract loop with promotions, greeting and purpose, quiz,
 * queue ticket with QR code, materials guide, survey, goodbye. Feed presence with `flow.presence(...)` from
 * `@digital-human/sense`; without a camera the "Start" button wakes it.
 */
export function BranchGreeterWidget(props: BranchGreeterWidgetProps): ReactNode {
  const flow = useFlowModel(props, (o) => new BranchGreeterFlow(o));
  const s = useFlowSnapshot(flow);
  const lang = s.language;
  const { promoIntervalMs = 8000, goodbyeMs = 4000 } = props;
  const attract = s.step === 'attract';
  useEffect(() => {
    if (!attract) return;
    const timer = setInterval(() => flow.nextPromo(), promoIntervalMs);
    return () => clearInterval(timer);
  }, [attract, flow, promoIntervalMs]);
  useEffect(() => {
    if (s.step !== 'goodbye') return;
    const timer = setTimeout(() => flow.start(), goodbyeMs);
    return () => clearTimeout(timer);
  }, [s.step, flow, goodbyeMs]);
  const promo = s.extra.promos[s.extra.promoIndex];
  return (
    <WidgetShell
      language={lang}
      layout={props.layout ?? 'kiosk'}
      avatar={props.avatar}
      captions={s.captions}
      handoffPending={s.handoffPending}
      onHandoff={() => flow.requestHandoff()}
      label={lang === 'en' ? 'Branch greeter' : '网点迎宾'}
      step={s.step}
    >
      {attract ? (
        <>
          {promo ? (
            <div className="dh-promo" key={promo.cardId} aria-live="off">
              <CardView card={promo} />
            </div>
          ) : null}
          <p className="dh-h">{t('tapToStart', lang)}</p>
          <button type="button" className="dh-btn" data-primary="true" onClick={() => flow.presence(true)}>
            {t('iAmHere', lang)}
          </button>
        </>
      ) : (
        <ContentView
          content={s.content}
          language={lang}
          faces
          onCardAction={(id) => flow.press(id)}
          onSubmit={(v) => flow.submitForm(v)}
          onReply={(id) => flow.quickReply(id)}
          onScrolled={() => flow.markDisclosureScrolled()}
          onAcknowledge={() => flow.acknowledgeDisclosure()}
          onSurvey={(a) => flow.submitSurvey(a)}
        />
      )}
      {s.step === 'done' ? <p className="dh-h">{t('thanks', lang)}</p> : null}
    </WidgetShell>
  );
}
