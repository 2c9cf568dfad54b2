import { type RefObject, useEffect, useState } from 'react';

/**
 * Whether rendering should pause: the page is hidden (background tab, app switched away in a WebView) or the
 * element is scrolled out of view. Starts false.
 */
export function usePaused(element: RefObject<HTMLElement | null>): boolean {
  const [hidden, setHidden] = useState(false);
  const [offscreen, setOffscreen] = useState(false);
  useEffect(() => {
    const onVisibility = (): void => setHidden(document.visibilityState === 'hidden');
    onVisibility();
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, []);
  useEffect(() => {
    const target = element.current;
    if (!target || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1];
      if (last) setOffscreen(!last.isIntersecting);
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [element]);
  return hidden || offscreen;
}
