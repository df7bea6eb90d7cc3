import { useAppStore } from '../../store';
import { selectRun } from '../../store/selectors';
import { useRunPlatformView } from './useRunPlatformView';
import { useRunSecretMask } from '../common/useSecretMask';

/** The Access token claims section once a run has started (AccessTokenClaimsView.tsx). */
export function AccessTokenClaimsBody() {
  const run = useAppStore(selectRun);
  const view = useRunPlatformView();
  const mask = useRunSecretMask();

  return view.kind === 'access-token-claims' ? (
    <>
      <p className="result-caption">
        The claims the token would carry: <code>scope</code> and namespaced custom claims from the
        response.
      </p>
      <pre className="json">{mask(JSON.stringify(view.claims, null, 2))}</pre>
      {view.dropped.length > 0 ? (
        <div className="notice">
          <p id="dropped-claims-title" className="notice-title">
            Dropped by the platform:
          </p>
          <ul className="dropped-claims" aria-labelledby="dropped-claims-title">
            {view.dropped.map((claim) => (
              <li key={claim.key}>
                <code>{mask(claim.key)}</code> — {claim.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="empty">No claim of the response is dropped.</p>
      )}
    </>
  ) : (
    <p className="empty">
      {run.status === 'running'
        ? 'Waiting for the callback…'
        : view.kind === 'oauth-error'
          ? 'No access token: the token endpoint answers with an error (see above).'
          : 'No access token: the exchange did not succeed.'}
    </p>
  );
}
