import type { PointId } from '../core/schemas';
import { useAppStore } from '../store';
import type { ShownOutcome } from '../store/runSlice';
import { selectRun } from '../store/selectors';
import { CodeLocationButton } from './CodeLocationButton';
import { FAILURE_KIND_TEXT } from './describeFailure';

/**
 * A failed run in words: what happened, the error's message, and where (a button that
 * moves the cursor there). Only failures get an alert; timeouts and cancels are statuses.
 */
export function RunErrorAlert() {
  const run = useAppStore(selectRun);
  if (run.status !== 'done' || !run.outcome || !run.point) return null;
  return <OutcomeAlert outcome={run.outcome} pointId={run.point} />;
}

function OutcomeAlert({ outcome, pointId }: { outcome: ShownOutcome; pointId: PointId }) {
  switch (outcome.status) {
    case 'failed': {
      const { error } = outcome;
      return (
        <div role="alert" className="run-alert">
          <p className="run-alert-kind">{FAILURE_KIND_TEXT[outcome.kind]}</p>
          <p className="run-alert-message">
            {error.name}: {error.message}
          </p>
          {error.friendlyMessage !== undefined && (
            <p>
              Message shown to the user: <q>{error.friendlyMessage}</q>
            </p>
          )}
          {error.location && <CodeLocationButton pointId={pointId} location={error.location} />}
          {error.stack && (
            <details className="run-alert-stack">
              <summary>Stack trace</summary>
              <pre>{error.stack}</pre>
            </details>
          )}
        </div>
      );
    }
    case 'not-started':
      return (
        <div role="alert" className="run-alert">
          <p className="run-alert-kind">The hook did not run.</p>
          <p className="run-alert-message">{outcome.message}</p>
        </div>
      );
    case 'crashed':
      return (
        <div role="alert" className="run-alert">
          <p className="run-alert-kind">The sandbox crashed, probably out of memory.</p>
          <p className="run-alert-message">{outcome.message}</p>
          <p>Your code and payload are safe; the next run starts a fresh sandbox.</p>
        </div>
      );
    default:
      return null;
  }
}
