import { useMemo } from 'react';
import { createSecretMask } from '../../core/maskSecrets';
import { useAppStore } from '../../store';
import { comparisonEdited } from '../../store/compareSlice';
import { selectHook, selectHookId } from '../../store/selectors';
import { sideLine } from './sideLine';
import './compare.css';

const identity = (text: string) => text;

/**
 * The last "Run both" of the selected hook: "Equivalent", or each difference in the platform's
 * terms, then each side's outcome in one line. Shown from the first Run both on; an edit of the
 * hook or its Action afterwards marks it outdated.
 */
export function HookVsAction() {
  const hookId = useAppStore(selectHookId);
  const comparison = useAppStore((state) => state.comparison);
  const edited = useAppStore((state) => comparisonEdited(state.comparison, selectHook(state)));
  const shown = useAppStore((state) => state.secretValuesShown);
  const cancel = useAppStore((state) => state.cancelRunBoth);
  const secrets = comparison.status === 'done' ? comparison.inputs.secrets : null;
  const mask = useMemo(
    () => (shown || secrets === null ? identity : createSecretMask(secrets)),
    [secrets, shown],
  );
  if (comparison.status === 'idle' || comparison.hookId !== hookId) return null;

  return (
    <section className="hook-vs-action" aria-label="Hook vs Action">
      <div className="hook-vs-action-header">
        <h2 className="result-title">Hook vs Action</h2>
        {edited && <span className="run-status-edited">Edited since this comparison</span>}
        {comparison.status === 'running' && (
          <button type="button" className="button button-small button-quiet" onClick={cancel}>
            Cancel run both
          </button>
        )}
      </div>
      <div aria-live="polite">
        {comparison.status === 'running' && <p>Running the hook and its Action…</p>}
        {comparison.status === 'not-started' && (
          <p className="field-note field-note-problem">{comparison.message}</p>
        )}
        {comparison.status === 'done' &&
          (comparison.report.equivalent ? (
            <p className="hook-vs-action-verdict">Equivalent</p>
          ) : (
            <ul className="hook-vs-action-differences" aria-label="Differences">
              {comparison.report.differences.map((difference, index) => (
                <li key={`${index}:${difference.text}`}>{mask(difference.text)}</li>
              ))}
            </ul>
          ))}
      </div>
      {comparison.status === 'done' && (
        <ul className="hook-vs-action-sides" aria-label="Outcomes">
          {(['Hook', 'Action'] as const).map((label) => (
            <li key={label}>
              {mask(
                sideLine(
                  label,
                  comparison.inputs.hook.pointId,
                  comparison.inputs.payload,
                  label === 'Hook' ? comparison.hook : comparison.action,
                ),
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="result-caption">
        Both start from the hook&apos;s storage; neither run writes it back.
      </p>
    </section>
  );
}
