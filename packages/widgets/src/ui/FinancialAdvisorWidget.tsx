import type { ReactNode } from 'react';
import { FinancialAdvisorFlow } from '../flows/FinancialAdvisorFlow';
import { AllocationChart, PastPerformance, ProductList } from './AdvisorParts';
import { ContentView } from './ContentView';
import { t } from './strings';
import { type FlowWidgetProps, useFlowModel } from './useFlowModel';
import { useFlowSnapshot } from './useFlowSnapshot';
import { WidgetShell } from './WidgetShell';

/** Props of {@link FinancialAdvisorWidget}. */
export type FinancialAdvisorWidgetProps = FlowWidgetProps<FinancialAdvisorFlow>;

/**
 * The financial advisor panel. Products come only from the model's snapshot, which holds only products within the
 * customer's risk level; the past-performance notice is shown with every return.
 */
export function FinancialAdvisorWidget(props: FinancialAdvisorWidgetProps): ReactNode {
  const flow = useFlowModel(props, (o) => new FinancialAdvisorFlow(o));
  const s = useFlowSnapshot(flow);
  const lang = s.language;
  const { content, extra } = s;
  const { products: _p, ...rest } = content;
  return (
    <WidgetShell
      language={lang}
      layout={props.layout ?? 'mobile'}
      avatar={props.avatar}
      captions={s.captions}
      handoffPending={s.handoffPending}
      onHandoff={() => flow.requestHandoff()}
      label={lang === 'en' ? 'Financial advisor' : '智能理财顾问'}
      step={s.step}
    >
      {extra.customerLevel ? (
        <p style={{ margin: 0 }}>
          {t('yourLevel', lang)}: <strong data-testid="customer-level">{extra.customerLevel}</strong>
        </p>
      ) : null}
      {s.step === 'products' && content.products ? (
        <>
          <ProductList products={content.products} notice={content.productsNotice} language={lang} />
          <button
            type="button"
            className="dh-btn"
            data-primary="true"
            onClick={() => flow.press('plan.show')}
          >
            {t('showPlan', lang)}
          </button>
        </>
      ) : null}
      {s.step === 'plan' ? (
        <>
          <AllocationChart slices={extra.allocation} language={lang} />
          <PastPerformance language={lang} />
          <button type="button" className="dh-btn" data-primary="true" onClick={() => flow.acceptPlan()}>
            {t('acceptPlan', lang)}
          </button>
        </>
      ) : null}
      <ContentView
        content={rest}
        language={lang}
        onCardAction={(id) => flow.press(id)}
        onSubmit={(v) => flow.submitForm(v)}
        onReply={(id) => flow.quickReply(id)}
        onScrolled={() => flow.markDisclosureScrolled()}
        onAcknowledge={() => flow.acknowledgeDisclosure()}
        onSurvey={(a) => flow.submitSurvey(a)}
        hideAck={s.step === 'confirm'}
      />
      {s.step === 'confirm' ? (
        <button type="button" className="dh-btn" data-primary="true" onClick={() => flow.confirm()}>
          {t('confirm', lang)}
        </button>
      ) : null}
      {s.step === 'done' ? <p className="dh-h">{t('thanks', lang)}</p> : null}
    </WidgetShell>
  );
}
