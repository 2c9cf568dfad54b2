import { type ReactNode, useState } from 'react';
import type { SurveyAnswer, SurveySpec, WidgetLanguage } from '../flows/content';
import { t } from './strings';

function Scale(props: {
  readonly label: string;
  readonly from: number;
  readonly to: number;
  readonly value: number | null;
  readonly onChange: (n: number) => void;
}): ReactNode {
  const items: number[] = [];
  for (let n = props.from; n <= props.to; n++) items.push(n);
  return (
    <fieldset className="dh-field" style={{ border: 0, padding: 0, margin: 0 }}>
      <legend>{props.label}</legend>
      <div className="dh-scale" role="radiogroup" aria-label={props.label}>
        {items.map((n) => (
          // biome-ignore lint/a11y/useSemanticElements: a row of large tap targets reads better than radio inputs here
          <button
            key={n}
            type="button"
            role="radio"
            aria-checked={props.value === n}
            className="dh-btn"
            data-primary={props.value === n}
            onClick={() => props.onChange(n)}
          >
            {n}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

/** The satisfaction survey: CSAT 1–5, NPS 0–10 and free text, as the dialog asked for. */
export function SurveyPanel(props: {
  readonly survey: SurveySpec;
  readonly language: WidgetLanguage;
  readonly onSubmit: (answer: SurveyAnswer) => void;
}): ReactNode {
  const { survey, language: lang } = props;
  const [csat, setCsat] = useState<number | null>(null);
  const [nps, setNps] = useState<number | null>(null);
  const [text, setText] = useState('');
  return (
    <form
      className="dh-card dh-form"
      aria-label={survey.title ?? t('csat', lang)}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit({ csat, nps, text });
      }}
    >
      {survey.title ? <h2 className="dh-h">{survey.title}</h2> : null}
      {survey.csat ? <Scale label={t('csat', lang)} from={1} to={5} value={csat} onChange={setCsat} /> : null}
      {survey.nps ? <Scale label={t('nps', lang)} from={0} to={10} value={nps} onChange={setNps} /> : null}
      {survey.freeText ? (
        <label className="dh-field">
          {t('comments', lang)}
          <textarea value={text} maxLength={500} rows={3} onChange={(e) => setText(e.target.value)} />
        </label>
      ) : null}
      <button type="submit" className="dh-btn" data-primary="true" disabled={survey.csat && csat === null}>
        {t('submit', lang)}
      </button>
    </form>
  );
}
