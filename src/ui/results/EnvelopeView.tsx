import { useMemo } from 'react';
import { platformEnvelope } from '../../core/platformEnvelope';
import { useAppStore } from '../../store';
import { selectRun } from '../../store/selectors';
import { useRunSecretMask } from '../common/useSecretMask';
import { responseCapNote } from '../../core/capResponse';
import './results.css';

/**
 * The HTTP answer the platform's webtask endpoint would have sent for the last run. It is
 * meant to be exact, so when secret values in it are masked it says so.
 */
export function EnvelopeView() {
  const run = useAppStore(selectRun);
  const mask = useRunSecretMask();
  const { point, outcome } = run;
  const envelope = useMemo(
    () =>
      point !== null && outcome !== null && outcome.status !== 'not-started'
        ? platformEnvelope(point, outcome)
        : null,
    [point, outcome],
  );

  if (run.status === 'idle') {
    return <p className="empty">Run the hook to see the HTTP answer the platform would send.</p>;
  }
  if (!outcome) return <p className="empty">Waiting for the run to settle…</p>;
  if (!envelope) {
    return <p className="empty">The hook did not run, so there is no answer to show.</p>;
  }
  const text = envelope.status === null ? envelope.note : JSON.stringify(envelope.body, null, 2);
  const shown = mask(text);
  const maskedNote = shown !== text && (
    <p className="field-note envelope-masked">
      Secret values are masked: tick “Show secret values” to see the exact answer.
    </p>
  );
  if (envelope.status === null) {
    return (
      <div className="envelope">
        {maskedNote}
        <p className="notice">{shown}</p>
      </div>
    );
  }
  return (
    <div className="envelope">
      <p className="envelope-status">
        HTTP status <strong className="envelope-code">{envelope.status}</strong>
      </p>
      {maskedNote}
      {outcome.status === 'succeeded' && outcome.responseCap && (
        <p className="notice">
          {responseCapNote(outcome.responseCap.chars)} The data below is that start, as a string.
        </p>
      )}
      <pre className="json">{shown}</pre>
    </div>
  );
}
