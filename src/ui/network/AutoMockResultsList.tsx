import { useEffect, useId, useRef } from 'react';
import { MAX_AUTO_MOCK_RESULTS, overLimitText } from '../../core/inputLimits';
import { appStore, useAppStore } from '../../store';
import { onResultFocusRequest, requestResultFocus, takeResultFocus } from './resultFocus';

type ResultRow = { path: string; resultText: string };
const NO_RESULTS: readonly ResultRow[] = [];

/**
 * "Auto-mock results": what an auto-mocked call resolves to (and passes to its callback),
 * by call path as Outbound requests shows it; unmatched calls resolve to `{}`
 * (docs/runtime-semantics.md §12). Listed under the auto-mocks in the Modules section.
 */
export function AutoMockResultsList({ hookId }: { hookId: string }) {
  const rows = useAppStore(
    (state) => state.hooks[hookId]?.draft.network.autoMockResults ?? NO_RESULTS,
  );
  const addButton = useRef<HTMLButtonElement>(null);
  const full = rows.length >= MAX_AUTO_MOCK_RESULTS;
  const titleId = useId();

  return (
    <section className="auto-mock-results" aria-labelledby={titleId}>
      <h3 id={titleId} className="auto-mock-results-title">
        Auto-mock results
      </h3>
      <p className="field-note">
        What an auto-mocked call resolves to and passes to its callback, by call path:{' '}
        <code>stripe.customers.create</code>, or <code>*.customers.create</code> for any module.
        Other calls resolve to <code>{'{}'}</code>.
      </p>
      {rows.length > 0 && (
        <ul className="module-rows">
          {rows.map((row, index) => (
            <ResultRowView
              key={index}
              hookId={hookId}
              index={index}
              row={row}
              onRemoved={() => addButton.current?.focus()}
            />
          ))}
        </ul>
      )}
      {full && (
        <p className="field-note" role="status">
          {overLimitText('Auto-mock results', MAX_AUTO_MOCK_RESULTS)}
        </p>
      )}
      <button
        ref={addButton}
        type="button"
        className="button button-small"
        disabled={full}
        onClick={() => {
          const index = appStore.getState().addAutoMockResult(hookId, '');
          if (index >= 0) requestResultFocus(hookId, index);
        }}
      >
        Add result
      </button>
    </section>
  );
}

interface ResultRowViewProps {
  hookId: string;
  index: number;
  row: ResultRow;
  onRemoved(): void;
}

function ResultRowView({ hookId, index, row, onRemoved }: ResultRowViewProps) {
  const { updateAutoMockResult, removeAutoMockResult } = appStore.getState();
  const id = useId();
  const resultBox = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    // A new row takes a focus asked for before it was in the page; a row there takes it now.
    const take = () => {
      if (takeResultFocus(hookId, index)) resultBox.current?.focus();
    };
    take();
    return onResultFocusRequest(take);
  }, [hookId, index]);
  const jsonProblem = problemOf(row.resultText);
  const unnamed = row.path.trim() === '';

  return (
    <li className="module-row auto-mock-result-row">
      <div className="module-line">
        <div className="module-name">
          <label className="mock-field-label" htmlFor={`${id}-path`}>
            Call path
          </label>
          <input
            id={`${id}-path`}
            type="text"
            value={row.path}
            placeholder="*.customers.create"
            spellCheck={false}
            autoComplete="off"
            aria-invalid={unnamed}
            aria-describedby={unnamed ? `${id}-path-note` : undefined}
            onChange={(event) => updateAutoMockResult(hookId, index, { path: event.target.value })}
          />
        </div>
        <button
          type="button"
          className="button button-small button-icon"
          aria-label="Remove result"
          title="Remove this result"
          onClick={() => {
            removeAutoMockResult(hookId, index);
            onRemoved();
          }}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {unnamed && (
        <p id={`${id}-path-note`} className="field-note field-note-problem">
          Name the call as Outbound requests shows it; this row is not used.
        </p>
      )}
      <label className="mock-field-label" htmlFor={`${id}-result`}>
        Result (JSON)
      </label>
      <textarea
        id={`${id}-result`}
        ref={resultBox}
        className="auto-mock-result-text"
        value={row.resultText}
        rows={Math.min(8, Math.max(2, row.resultText.split('\n').length))}
        spellCheck={false}
        aria-invalid={jsonProblem !== null}
        aria-describedby={jsonProblem === null ? undefined : `${id}-result-note`}
        onChange={(event) =>
          updateAutoMockResult(hookId, index, { resultText: event.target.value })
        }
      />
      {jsonProblem !== null && (
        <p id={`${id}-result-note`} className="field-note field-note-problem">
          Not valid JSON ({jsonProblem}): a run is refused until it is.
        </p>
      )}
    </li>
  );
}

function problemOf(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
