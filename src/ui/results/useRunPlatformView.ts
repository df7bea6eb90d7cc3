import { useMemo } from 'react';
import { platformView, type PlatformView } from '../../core/platformView';
import { useAppStore } from '../../store';
import { selectRun } from '../../store/selectors';

const NONE: PlatformView = { kind: 'none' };

/** What the platform would have made of the last run's outcome (derived, never stored). */
export function useRunPlatformView(): PlatformView {
  const { point, payload, outcome } = useAppStore(selectRun);
  return useMemo(() => {
    if (!point || payload === null || !outcome || outcome.status === 'not-started') return NONE;
    // A capped response is only a preview: its view was computed on the real value in the
    // sandbox, and is absent when it was too large to send (docs/runtime-semantics.md §13).
    if (outcome.status === 'succeeded' && outcome.responseCap) {
      return (outcome.responseCap.view as unknown as PlatformView | undefined) ?? NONE;
    }
    return platformView(point, payload, outcome);
  }, [point, payload, outcome]);
}
