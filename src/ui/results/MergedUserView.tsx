import { useAppStore } from '../../store';
import { MergedUserBody } from './lazyRunViews';
import './results.css';

/**
 * Pre-User Registration: the user the platform would create. The merge rule is Hookpad's
 * model of "Auth0 adds this information to the new user", and says so.
 */
export function MergedUserView() {
  const idle = useAppStore((state) => state.run.status === 'idle');

  return (
    <section className="result" aria-label="Merged user">
      <h2 className="result-title">Merged user</h2>
      <p className="result-caption">
        Hookpad&apos;s model of what the platform stores: the payload&apos;s user with the
        response&apos;s <code>user_metadata</code> and <code>app_metadata</code> merged at the first
        level.
      </p>
      {idle ? (
        <p className="empty">
          After a successful run, the new user with the metadata from your response appears here.
        </p>
      ) : (
        <MergedUserBody />
      )}
    </section>
  );
}
