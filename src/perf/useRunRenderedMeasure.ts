import { useLayoutEffect } from 'react';
import { measureRunRendered } from './runTiming';

/**
 * Ends the "hookpad:run" measure when a run's result is on screen: the layout effect runs
 * after React committed the result, and the next animation frame after the browser has
 * laid it out.
 */
export function useRunRenderedMeasure(outcome: unknown): void {
  useLayoutEffect(() => {
    if (outcome === null || outcome === undefined) return;
    const frame = requestAnimationFrame(measureRunRendered);
    return () => cancelAnimationFrame(frame);
  }, [outcome]);
}
