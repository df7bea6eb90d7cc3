import { useAppStore } from '../../store';
import { AccessTokenClaimsBody } from './lazyRunViews';
import './results.css';

/**
 * Client Credentials Exchange: the claims the platform would put in the access token, and
 * the ones it would drop, each with the reason.
 */
export function AccessTokenClaimsView() {
  const idle = useAppStore((state) => state.run.status === 'idle');

  return (
    <section className="result" aria-label="Access token claims">
      <h2 className="result-title">Access token claims</h2>
      {idle ? (
        <p className="empty">
          After a successful run, the claims the access token would carry appear here.
        </p>
      ) : (
        <AccessTokenClaimsBody />
      )}
    </section>
  );
}
