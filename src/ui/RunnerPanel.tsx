import { getPoint } from '../core/points';
import { useRunRenderedMeasure } from '../perf/useRunRenderedMeasure';
import { useAppStore } from '../store';
import { selectPointId, selectRun } from '../store/selectors';
import { ConsoleView } from './ConsoleView';
import { MergedUserView } from './MergedUserView';
import { PayloadPane } from './PayloadPane';
import { ResponseView } from './ResponseView';
import { RunErrorAlert } from './RunErrorAlert';
import { RunStatus } from './RunStatus';
import { TimeoutField } from './TimeoutField';
import { TimeoutNote } from './TimeoutNote';

/**
 * Right side, one scrolling column: the inputs of a run, then everything about its
 * result at once (no tabs), so nothing is hidden after a run.
 */
export function RunnerPanel() {
  const pointId = useAppStore(selectPointId);
  const run = useAppStore(selectRun);
  useRunRenderedMeasure(run.outcome);

  const shownPoint = getPoint(run.point ?? pointId);
  return (
    <div className="runner">
      <PayloadPane />
      <div className="run-settings">
        <TimeoutField />
      </div>
      <div className="run-results">
        <RunStatus />
        {run.point !== null && run.point !== pointId && (
          <p className="run-note">Results of the last run, for {shownPoint.label}.</p>
        )}
        <TimeoutNote />
        <RunErrorAlert />
        {/* For Pre-User Registration the merged user is what matters most, so it comes first. */}
        {shownPoint.responseUse === 'merged-user' && <MergedUserView />}
        <ResponseView />
        <ConsoleView />
      </div>
    </div>
  );
}
