import type { CSSProperties, ReactNode } from 'react';

/** Props of {@link AvatarFallback}. */
export interface AvatarFallbackProps {
  /** URL of the still portrait (e.g. the avatar's thumbnail); a neutral silhouette otherwise. */
  portrait?: string | undefined;
  /** Accessible name of the portrait (default 'Assistant'). */
  alt?: string | undefined;
}

/**
 * What `<DigitalHuman/>` shows instead of the 3D avatar when WebGL is unavailable or the model failed to load:
 * the still portrait, filling the box like the 3D view would.
 */
export function AvatarFallback({ portrait, alt = 'Assistant' }: AvatarFallbackProps): ReactNode {
  if (portrait) return <img src={portrait} alt={alt} className="dh-portrait" style={PORTRAIT_STYLE} />;
  return (
    <div role="img" aria-label={alt} className="dh-portrait" style={PLACEHOLDER_STYLE}>
      <div style={HEAD_STYLE} />
    </div>
  );
}

const PORTRAIT_STYLE: CSSProperties = {
  display: 'block',
  width: '100%',
  height: '100%',
  objectFit: 'contain',
};

const PLACEHOLDER_STYLE: CSSProperties = {
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  width: '100%',
  height: '100%',
  background: 'linear-gradient(#dfe6ee, #c3cfdc)',
};

const HEAD_STYLE: CSSProperties = {
  width: '30%',
  aspectRatio: '1',
  borderRadius: '50%',
  background: '#9aabbd',
};
