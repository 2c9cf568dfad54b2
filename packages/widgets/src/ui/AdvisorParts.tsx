import type { ReactNode } from 'react';
import type { Product, WidgetLanguage } from '../flows/content';
import type { AllocationSlice } from '../flows/riskLevel';
import { t } from './strings';

/** The past-performance notice, shown wherever a return is shown. */
export function PastPerformance({ language }: { readonly language: WidgetLanguage }): ReactNode {
  return (
    <p className="dh-notice" data-testid="past-performance">
      {t('pastPerformance', language)}
    </p>
  );
}

/** Products that passed the flow model's suitability filter, each with its risk level and past return. */
export function ProductList(props: {
  readonly products: readonly Product[];
  readonly notice: string | undefined;
  readonly language: WidgetLanguage;
}): ReactNode {
  const { language: lang } = props;
  return (
    <div className="dh-form">
      {props.products.map((p) => (
        <article key={p.productId} className="dh-card" data-product-id={p.productId}>
          <h2 className="dh-h">{p.name}</h2>
          <dl className="dh-fields">
            <dt>{t('riskLevel', lang)}</dt>
            <dd>{p.riskLevel}</dd>
            {p.returnPct !== undefined ? (
              <>
                <dt>{t('pastReturn', lang)}</dt>
                <dd>{p.returnPct.toFixed(1)}%</dd>
              </>
            ) : null}
          </dl>
          {p.description ? <p style={{ margin: 0 }}>{p.description}</p> : null}
          {p.returnPct !== undefined ? <PastPerformance language={lang} /> : null}
        </article>
      ))}
      {props.notice ? <p className="dh-hint">{props.notice}</p> : null}
    </div>
  );
}

/** The allocation plan as a bar chart (SVG-free: CSS bars sized by weight), with amounts. */
export function AllocationChart(props: {
  readonly slices: readonly AllocationSlice[];
  readonly language: WidgetLanguage;
}): ReactNode {
  const fmt = new Intl.NumberFormat(props.language, { maximumFractionDigits: 0 });
  return (
    <figure className="dh-card dh-chart" style={{ margin: 0 }} aria-label={t('plan', props.language)}>
      <figcaption className="dh-h">{t('plan', props.language)}</figcaption>
      {props.slices.map((s) => (
        <div key={s.productId} className="dh-bar-row">
          <span>
            {s.name} ({s.riskLevel})
          </span>
          <span className="dh-bar-fill" style={{ width: `${Math.round(s.weight * 100)}%` }} />
          <span>
            {Math.round(s.weight * 100)}% · ¥{fmt.format(s.amount)}
          </span>
        </div>
      ))}
    </figure>
  );
}
