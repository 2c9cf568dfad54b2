import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { CaptionLine, WidgetLanguage } from '../flows/content';
import { t } from './strings';
import { WIDGET_CSS } from './styles';

/** Screen layouts: a phone WebView (360×640 and up) or a portrait lobby kiosk (1080×1920). */
export type WidgetLayout = 'mobile' | 'kiosk';

/** Props of {@link WidgetShell}. */
export interface WidgetShellProps {
  readonly language: WidgetLanguage;
  readonly layout: WidgetLayout;
  /** The avatar element (e.g. `<DigitalHuman/>`); a neutral placeholder when absent. */
  readonly avatar?: ReactNode;
  readonly captions: readonly CaptionLine[];
  readonly handoffPending: boolean;
  readonly onHandoff: () => void;
  /** Accessible name of the widget region. */
  readonly label: string;
  /** The step, exposed as `data-step` for styling and tests. */
  readonly step: string;
  readonly children: ReactNode;
}

/**
 * The frame every flow widget shares: the always-visible AI-generated label, the "talk to a person" button, the
 * large-text switch, the avatar slot, captions in a polite live region, and the flow panel.
 */
export function WidgetShell(props: WidgetShellProps): ReactNode {
  const { language: lang } = props;
  const [large, setLarge] = useState(false);
  const last = props.captions.at(-1);
  const panel = useRef<HTMLElement>(null);
  // Each new step starts at the top of the panel.
  useEffect(() => {
    if (props.step) panel.current?.scrollTo({ top: 0 });
  }, [props.step]);
  return (
    <section
      className="dh-widget"
      data-layout={props.layout}
      data-large-text={large}
      data-step={props.step}
      aria-label={props.label}
      lang={lang}
    >
      <style href="dh-widgets-css" precedence="default">
        {WIDGET_CSS}
      </style>
      <header className="dh-bar">
        <span className="dh-ai" data-testid="ai-label">
          {t('aiLabel', lang)}
        </span>
        <span className="dh-bar-spacer" />
        <button
          type="button"
          className="dh-btn dh-btn-small"
          aria-pressed={large}
          aria-label={t('largeText', lang)}
          title={t('largeText', lang)}
          onClick={() => setLarge(!large)}
        >
          <span aria-hidden="true">A+</span>
        </button>
        <button
          type="button"
          className="dh-btn dh-btn-small"
          onClick={props.onHandoff}
          disabled={props.handoffPending}
        >
          {props.handoffPending ? t('handoffPending', lang) : t('handoff', lang)}
        </button>
      </header>
      <div className="dh-stage">{props.avatar ?? <div className="dh-stage-empty" aria-hidden="true" />}</div>
      <div className="dh-captions" role="log" aria-live="polite" aria-label={t('captions', lang)}>
        {last ? <p>{last.text}</p> : null}
      </div>
      <main className="dh-panel" ref={panel}>
        {props.children}
      </main>
    </section>
  );
}
