import { lazy, Suspense, useId, useState } from 'react';
import type { TestCase } from '../../core/testCases/testCaseSchema';
import { appStore, useAppStore } from '../../store';
import { selectCode } from '../../store/selectors';
import type { TestResultState } from '../../store/testsSlice';
import { testResultText } from './testResultText';

// A failure's details (and the JSON diff they format) load when a test first fails.
const TestFailure = lazy(() =>
  import('./TestFailure').then((module) => ({ default: module.TestFailure })),
);

export interface TestItemProps {
  hookId: string;
  test: TestCase;
  result: TestResultState | undefined;
  onEdit(): void;
}

/**
 * One saved test: its name and last result, Run, Edit and Delete (which asks first), and,
 * when it failed, why. The buttons are named after the test so rows stay distinct.
 */
export function TestItem({ hookId, test, result, onEdit }: TestItemProps) {
  const nameId = useId();
  const code = useAppStore(selectCode);
  const [confirming, setConfirming] = useState(false);
  const store = () => appStore.getState();
  const busy = result?.status === 'queued' || result?.status === 'running';
  const verdict = result?.status === 'done' ? result.verdict : undefined;
  const edited = result?.status === 'done' && result.code !== code;

  return (
    <li className="test-item" aria-labelledby={nameId}>
      <div className="test-row">
        <span id={nameId} className="test-name">
          {test.name}
        </span>
        <span className={`test-result${verdict ? ` test-result-${verdict}` : ''}`}>
          {testResultText(result)}
          {edited && <span className="test-result-note"> (code edited since)</span>}
        </span>
        {confirming ? (
          <span className="test-buttons" role="group" aria-label={`Delete ${test.name}?`}>
            <button
              type="button"
              className="button button-small button-danger"
              aria-label={`Confirm delete test ${test.name}`}
              onClick={() => store().deleteTest(hookId, test.id)}
            >
              Delete
            </button>
            <button
              type="button"
              className="button button-small button-quiet"
              aria-label={`Keep test ${test.name}`}
              // Focus is lost with the buttons; the row's Delete comes back.
              onClick={() => setConfirming(false)}
            >
              Keep
            </button>
          </span>
        ) : (
          <span className="test-buttons">
            <button
              type="button"
              className="button button-small"
              aria-label={`Run test ${test.name}`}
              disabled={busy}
              onClick={() => void store().runTest(hookId, test.id)}
            >
              Run
            </button>
            <button
              type="button"
              className="button button-small"
              aria-label={`Edit test ${test.name}`}
              onClick={onEdit}
            >
              Edit
            </button>
            <button
              type="button"
              className="button button-small button-danger"
              aria-label={`Delete test ${test.name}`}
              onClick={() => setConfirming(true)}
            >
              Delete
            </button>
          </span>
        )}
      </div>
      {result?.status === 'error' && (
        <p className="field-note field-note-problem">{result.message}</p>
      )}
      {result?.status === 'done' && result.verdict !== 'passed' && (
        <Suspense fallback={null}>
          <TestFailure
            results={result.results}
            timedOut={result.verdict === 'timed-out'}
            onLoad={() => store().loadTestIntoWorkbench(hookId, test.id)}
          />
        </Suspense>
      )}
    </li>
  );
}
