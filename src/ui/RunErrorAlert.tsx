import type { PlatformView } from '../core/platformView';
import type { PointId } from '../core/schemas';
import { useAppStore } from '../store';
import type { ShownOutcome } from '../store/runSlice';
import { selectRun } from '../store/selectors';
import { CodeLocationButton } from './CodeLocationButton';
import { FAILURE_KIND_TEXT } from './describeFailure';
import { useRunPlatformView } from './useRunPlatformView';
import { useRunSecretMask, type Mask } from './useSecretMask';

/**
 * A failed run in words: what happened, the error's message, and where (a button that
 * moves the cursor there), and what the platform makes of it (a denied signup and the
 * message its user sees, the token endpoint's OAuth answer). Only failures get an alert;
 * timeouts and cancels are statuses.
 */
export function RunErrorAlert() {
  const run = useAppStore(selectRun);
  const view = useRunPlatformView();
  const mask = useRunSecretMask();
  if (run.status !== 'done' || !run.outcome || !run.point) return null;
  return <OutcomeAlert outcome={run.outcome} pointId={run.point} view={view} mask={mask} />;
}

interface OutcomeAlertProps {
  outcome: ShownOutcome;
  pointId: PointId;
  view: PlatformView;
  mask: Mask;
}

function OutcomeAlert({ outcome, pointId, view, mask }: OutcomeAlertProps) {
  switch (outcome.status) {
    case 'failed': {
      const { error } = outcome;
      const friendly = view.kind === 'signup-denied' ? view.friendlyMessage : error.friendlyMessage;
      return (
        <div role="alert" className="run-alert">
          <p className="run-alert-kind">
            {view.kind === 'signup-denied'
              ? `${FAILURE_KIND_TEXT[outcome.kind]} The platform denies the signup.`
              : FAILURE_KIND_TEXT[outcome.kind]}
          </p>
          <p className="run-alert-message">
            {error.name}: {mask(error.message)}
          </p>
          {view.kind === 'oauth-error' && (
            <section className="run-alert-platform" aria-label="Token endpoint answer">
              <p>The token endpoint answers:</p>
              <code className="oauth-answer">
                {view.status} {mask(JSON.stringify(view.body))}
              </code>
            </section>
          )}
          {friendly !== undefined &&
            (view.kind === 'signup-denied' ? (
              <section className="run-alert-platform" aria-label="Message to the user">
                <p>
                  Message to the user: <q>{mask(friendly)}</q>
                </p>
              </section>
            ) : (
              <p>
                Message shown to the user: <q>{mask(friendly)}</q>
              </p>
            ))}
          {error.location && <CodeLocationButton pointId={pointId} location={error.location} />}
          {error.stack && (
            <details className="run-alert-stack">
              <summary>Stack trace</summary>
              <pre>{mask(error.stack)}</pre>
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
