import { type ReactNode, type UIEvent, useEffect, useRef } from 'react';
import type { DisclosureView, WidgetLanguage } from '../flows/content';
import { t } from './strings';

/** Props of {@link DisclosurePanel}. */
export interface DisclosurePanelProps {
  readonly disclosure: DisclosureView;
  readonly language: WidgetLanguage;
  readonly onScrolledToEnd: () => void;
  readonly onAcknowledge: () => void;
  /** Hide the acknowledge button (a confirmation segment acknowledged by another button). */
  readonly hideAck?: boolean;
}

/** Pixels of slack when deciding that the end was reached. */
const END_SLACK = 4;

/**
 * A risk disclosure: a focusable scroll box (keyboard scrollable) that must reach its end before the acknowledge
 * button enables; a recording badge while the dual-recording segment is open.
 */
export function DisclosurePanel(props: DisclosurePanelProps): ReactNode {
  const { disclosure: d, language: lang, onScrolledToEnd } = props;
  const box = useRef<HTMLDivElement>(null);
  const check = (el: HTMLElement) => {
    if (el.scrollTop + el.clientHeight >= el.scrollHeight - END_SLACK) onScrolledToEnd();
  };
  useEffect(() => {
    // Text short enough to fit without scrolling counts as read to the end.
    if (box.current && !d.scrolled) check(box.current);
  });
  const ready = !d.acknowledged && (!d.requireScroll || d.scrolled);
  return (
    <section
      className="dh-card"
      aria-labelledby={`dh-d-${d.disclosureId}`}
      data-disclosure-id={d.disclosureId}
    >
      <h2 className="dh-h" id={`dh-d-${d.disclosureId}`}>
        {d.title}
      </h2>
      {!d.ended ? <span className="dh-rec">{t('recording', lang)}</span> : null}
      <div
        ref={box}
        className="dh-scroll"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll region must be focusable to scroll by keyboard
        tabIndex={0}
        role="document"
        onScroll={(e: UIEvent<HTMLDivElement>) => check(e.currentTarget)}
        data-testid="disclosure-text"
      >
        {d.text}
      </div>
      {d.requireScroll && !d.scrolled ? <span className="dh-hint">{t('scrollToEnd', lang)}</span> : null}
      {props.hideAck ? null : (
        <button
          type="button"
          className="dh-btn"
          data-primary="true"
          disabled={!ready}
          onClick={props.onAcknowledge}
        >
          {d.ackLabel ?? t('acknowledge', lang)}
        </button>
      )}
    </section>
  );
}
