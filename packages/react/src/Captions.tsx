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
  pointerEvents: 'none',
};

/** A dark translucent band per line keeps the text readable over the avatar and light portraits alike. */
const LINE_STYLE: CSSProperties = {
  display: 'inline-block',
  margin: '0.2em 0',
  padding: '0.2em 0.6em',
  borderRadius: 6,
  background: 'rgba(16, 26, 40, 0.72)',
};
