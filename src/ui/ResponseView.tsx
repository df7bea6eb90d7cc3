import { useAppStore } from '../store';
import { selectRun } from '../store/selectors';
import { useRunPlatformView } from './useRunPlatformView';

/** The callback's value as formatted JSON: plain text, complete and selectable. */
export function ResponseView() {
  const run = useAppStore(selectRun);
  const view = useRunPlatformView();
  const outcome = run.outcome;

  let body;
  if (run.status === 'idle') {
    body = <p className="empty">The value your hook passes to the callback appears here.</p>;
  } else if (!outcome) {
    body = <p className="empty">Waiting for the callback…</p>;
  } else if (outcome.status !== 'succeeded') {
    body = (
      <>
        <p className="empty">No response: {NO_RESPONSE[outcome.status]}</p>
        {view.kind === 'response-ignored' && <p className="notice">{view.message}</p>}
      </>
    );
  } else if (outcome.response === undefined) {
    body = <p className="empty">The callback was called without a value (undefined).</p>;
  } else {
    body = (
      <>
        {view.kind === 'response-ignored' && <p className="notice">{view.message}</p>}
        <pre className="json">{JSON.stringify(outcome.response, null, 2)}</pre>
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
