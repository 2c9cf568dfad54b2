import type { CSSProperties, ReactNode } from 'react';
import { useCaptions } from './hooks';

/** Props of {@link Captions}. */
export interface CaptionsProps {
  /** How many of the latest captions to show (default 2). */
  lines?: number;
  className?: string;
  style?: CSSProperties;
}

/**
 * The session's latest captions as plain text in a polite `aria-live` region, so screen readers announce what the
 * avatar says (and the customer can read it when sound is off or WebGL is missing).
 */
export function Captions({ lines = 2, className, style }: CaptionsProps): ReactNode {
  const captions = useCaptions();
  const shown = captions.slice(Math.max(0, captions.length - lines));
  return (
    <div
      role="log"
      aria-live="polite"
      aria-label="Captions"
      className={className ?? 'dh-captions'}
      style={style ?? CAPTIONS_STYLE}
    >
      {shown.map((caption) => (
        <p key={caption.id} data-speaker={caption.speaker} style={LINE_STYLE}>
          {caption.text}
        </p>
      ))}
    </div>
  );
}

const CAPTIONS_STYLE: CSSProperties = {
  position: 'absolute',
  left: '8%',
  right: '8%',
  bottom: '4%',
  textAlign: 'center',
  color: '#fff',
  font: '500 15px/1.4 system-ui, sans-serif',
  textShadow: '0 1px 3px rgba(0,0,0,0.8)',
  pointerEvents: 'none',
};

const LINE_STYLE: CSSProperties = { margin: '0.2em 0' };
