import { useAppStore } from '../../store';
import { selectRun } from '../../store/selectors';
import './runner.css';

/** Why a run timed out, when the runtime knows (e.g. "the callback was never called"). */
export function TimeoutNote() {
  const outcome = useAppStore(selectRun).outcome;
  if (outcome?.status !== 'timed-out') return null;
  return (
    <p className="run-note">
      {outcome.hint ? `Timed out: ${outcome.hint}.` : 'The hook did not finish in time.'} Raise
      Timeout (ms) if the hook needs longer.
    </p>
  );
}
