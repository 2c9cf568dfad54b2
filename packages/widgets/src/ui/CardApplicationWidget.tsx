import type { ReactNode } from 'react';
import { CardApplicationFlow } from '../flows/CardApplicationFlow';
import { ContentView } from './ContentView';
import { uploadWith } from './FormView';
import { t } from './strings';
import { type FlowWidgetProps, useFlowModel } from './useFlowModel';
import { useFlowSnapshot } from './useFlowSnapshot';
import { WidgetShell } from './WidgetShell';

/** Props of {@link CardApplicationWidget}. */
export type CardApplicationWidgetProps = FlowWidgetProps<CardApplicationFlow>;

/** The credit-card application panel: renders the {@link CardApplicationFlow}'s current step. */
export function CardApplicationWidget(props: CardApplicationWidgetProps): ReactNode {
  const flow = useFlowModel(props, (o) => new CardApplicationFlow(o));
  const s = useFlowSnapshot(flow);
  const lang = s.language;
  const onCardAction = (id: string, card: { cardId: string }) => {
    if (id === 'card.choose') flow.choose(card.cardId);
    else if (id === 'card.apply') flow.apply();
    else if (id === 'next') flow.proceed();
    else flow.press(id);
  };
  return (
    <WidgetShell
      language={lang}
      layout={props.layout ?? 'mobile'}
      avatar={props.avatar}
      captions={s.captions}
      handoffPending={s.handoffPending}
      onHandoff={() => flow.requestHandoff()}
      label={lang === 'en' ? 'Credit card application' : '信用卡申请'}
      step={s.step}
    >
      <ContentView
        content={s.content}
        language={lang}
        faces
        onCardAction={onCardAction}
        onSubmit={(v) => flow.submitForm(v)}
        onReply={(id) => flow.quickReply(id)}
        onScrolled={() => flow.markDisclosureScrolled()}
        onAcknowledge={() => flow.acknowledgeDisclosure()}
        onSurvey={(a) => flow.submitSurvey(a)}
        onUpload={(field, file) => uploadWith(file, (meta, px) => flow.checkUpload(field, meta, px))}
        uploads={s.extra.uploads}
        canSubmit={s.step !== 'materials' || flow.missingMaterials().length === 0}
      />
      {s.step === 'recommend' ? (
        <button type="button" className="dh-btn" onClick={() => flow.chooseAgain()}>
          {t('chooseAgain', lang)}
        </button>
      ) : null}
      {s.step === 'done' ? <p className="dh-h">{t('thanks', lang)}</p> : null}
    </WidgetShell>
  );
}
