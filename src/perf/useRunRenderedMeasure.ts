import { useLayoutEffect } from 'react';
import { measureRunRendered } from './runTiming';

/**
 * Ends the "hookpad:run" measure when a run's result is rendered: a layout effect runs
 * right after React has committed the result to the DOM, before the browser paints that
 * frame. (Waiting for the next animation frame instead would add up to a frame of vsync
 * wait that says nothing about Hookpad.)
 */
export function useRunRenderedMeasure(outcome: unknown): void {
  useLayoutEffect(() => {
    if (outcome === null || outcome === undefined) return;
    measureRunRendered();
  }, [outcome]);
}
