import { useAppStore } from '../../store';
import { selectRun } from '../../store/selectors';
import { CodeLocationButton } from '../common/CodeLocationButton';
import { useRunSecretMask } from '../common/useSecretMask';
import { formatApiCall } from './formatApiCall';
import './results.css';

/** An Action run's calls on `api`, in the order it made them, each with its line. */
export function ApiCallsView() {
  const run = useAppStore(selectRun);
  const mask = useRunSecretMask();
  const { outcome, hookId } = run;
  if (run.inputs?.kind !== 'action' || !outcome || hookId === null) return null;
  if (outcome.status !== 'succeeded' && outcome.status !== 'failed') return null;
  const calls = outcome.apiCalls ?? [];
  return (
    <section className="result" aria-label="API calls">
      <h2 className="result-title">API calls</h2>
      {calls.length === 0 ? (
        <p className="empty">The Action called no api method.</p>
      ) : (
        <ol className="api-calls">
          {calls.map((call) => (
            <li key={call.seq}>
              <code>{mask(formatApiCall(call))}</code>{' '}
              {call.location && (
                <CodeLocationButton hookId={hookId} location={call.location} prefix="line" />
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
