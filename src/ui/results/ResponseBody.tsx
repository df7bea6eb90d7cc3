import { useAppStore } from '../../store';
import { selectRun } from '../../store/selectors';
import { useRunPlatformView } from './useRunPlatformView';
import { useRunSecretMask } from '../common/useSecretMask';
import { responseCapNote } from '../../core/capResponse';

const NOT_SENT = 'The message was not sent.';

/** The Response section's content once a run has started (ResponseView.tsx). */
export function ResponseBody() {
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

  if (!outcome) {
    return <p className="empty">Waiting for the callback…</p>;
  }
  if (outcome.status !== 'succeeded') {
    return (
      <>
        <p className="empty">No response: {NO_RESPONSE[outcome.status]}</p>
        {platformNote}
      </>
    );
  }
  if (outcome.responseCap) {
    // Only the JSON text's first characters came: shown as they are, never parsed or re-indented.
    return (
      <>
        {platformNote}
        <p className="notice">{responseCapNote(outcome.responseCap.chars)}</p>
        <pre className="json">{mask(String(outcome.response))}</pre>
      </>
    );
  }
  if (outcome.response === undefined) {
    return (
      <>
        {platformNote}
        <p className="empty">The callback was called without a value (undefined).</p>
      </>
    );
  }
  return (
    <>
      {platformNote}
      <pre className="json">{mask(JSON.stringify(outcome.response, null, 2))}</pre>
    </>
  );
}

const NO_RESPONSE = {
  failed: 'the run failed.',
  'not-started': 'the hook did not run.',
  'timed-out': 'the run timed out.',
  cancelled: 'the run was cancelled.',
  crashed: 'the sandbox crashed.',
} as const;
