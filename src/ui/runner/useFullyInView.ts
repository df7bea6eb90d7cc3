import { useEffect, useRef, type RefObject } from 'react';

/**
 * Whether the element was fully in view when the browser last laid the page out, as an
 * IntersectionObserver reports it (clipped by the scrolling panels around it too). Reading
 * this costs nothing, unlike measuring the element now, which would force a layout. Without
 * IntersectionObserver (tests in jsdom) it answers false, so callers act as if it were not.
 */
export function useFullyInView(target: RefObject<Element | null>): RefObject<boolean> {
  const inView = useRef(false);
  useEffect(() => {
    const element = target.current;
    if (!element || typeof IntersectionObserver !== 'function') return;
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries.at(-1);
        if (entry) inView.current = entry.isIntersecting && entry.intersectionRatio >= 0.99;
      },
      { threshold: [0.99] },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [target]);
  return inView;
}
