import { useAppStore } from '../../store';
import { selectRun } from '../../store/selectors';
import { useRunPlatformView } from './useRunPlatformView';
import { useRunSecretMask } from '../common/useSecretMask';
import { responseCapNote } from '../../core/capResponse';
import './results.css';

const NOT_SENT = 'The message was not sent.';

/** The callback's value as formatted JSON: plain text, complete and selectable. */
export function ResponseView() {
  const run = useAppStore(selectRun);
  const view = useRunPlatformView();
  const mask = useRunSecretMask();
  const outcome = run.outcome;

  const platformNote =
    view.kind === 'response-ignored' ? (
      <p className="notice">{view.message}</p>
    ) : view.kind === 'message-not-sent' ? (
      <p className="notice notice-bad">
        {view.message.includes(NOT_SENT) ? view.message : `${NOT_SENT} ${view.message}`}
      </p>
    ) : null;

  let body;
  if (run.status === 'idle') {
    body = <p className="empty">The value your hook passes to the callback appears here.</p>;
  } else if (!outcome) {
    body = <p className="empty">Waiting for the callback…</p>;
  } else if (outcome.status !== 'succeeded') {
    body = (
      <>
        <p className="empty">No response: {NO_RESPONSE[outcome.status]}</p>
        {platformNote}
      </>
    );
  } else if (outcome.responseCap) {
    // Only the JSON text's first characters came: shown as they are, never parsed or re-indented.
    body = (
      <>
        {platformNote}
        <p className="notice">{responseCapNote(outcome.responseCap.chars)}</p>
        <pre className="json">{mask(String(outcome.response))}</pre>
      </>
    );
  } else if (outcome.response === undefined) {
    body = (
      <>
        {platformNote}
        <p className="empty">The callback was called without a value (undefined).</p>
      </>
    );
  } else {
    body = (
      <>
        {platformNote}
        <pre className="json">{mask(JSON.stringify(outcome.response, null, 2))}</pre>
      </>
    );
  }

  return (
    <section className="result" aria-label="Response">
      <h2 className="result-title">Response</h2>
      {body}
    </section>
  );
}

const NO_RESPONSE = {
  failed: 'the run failed.',
  'not-started': 'the hook did not run.',
  'timed-out': 'the run timed out.',
  cancelled: 'the run was cancelled.',
  crashed: 'the sandbox crashed.',
} as const;
