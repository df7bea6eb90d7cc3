import { useAppStore } from '../../store';
import { selectHook } from '../../store/selectors';
import './compare.css';

const NO_ACTION_REASON = 'Port to Action first: this hook has no Action to run.';

/**
 * "Run both": the hook and its Action on the same inputs, side by side (the "Hook vs Action"
 * region shows how they compare). Disabled, with the reason beside it, until the hook has an
 * Action draft, and while a comparison runs.
 */
export function RunBothButton() {
  const hasAction = useAppStore((state) => selectHook(state).draft.action !== undefined);
  const running = useAppStore((state) => state.comparison.status === 'running');
  const runBoth = useAppStore((state) => state.runBoth);

  return (
    <div className="run-both">
      <button
        type="button"
        className="button button-small"
        disabled={!hasAction || running}
        aria-describedby={hasAction ? undefined : 'run-both-reason'}
        title={
          hasAction
            ? 'Run the hook and its Action on the same payload and inputs, and compare them'
            : NO_ACTION_REASON
        }
        onClick={runBoth}
      >
        Run both
      </button>
      {!hasAction && (
        <span id="run-both-reason" className="field-note">
          {NO_ACTION_REASON}
        </span>
      )}
    </div>
  );
}
