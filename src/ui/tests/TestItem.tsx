import { useId, useState } from 'react';
import type { RunKind } from '../../core/actions/actionSchemas';
import type { TestCase } from '../../core/testCases/testCaseSchema';
import { appStore, useAppStore } from '../../store';
import { selectCode, selectHook } from '../../store/selectors';
import type { TestResultState } from '../../store/testsSlice';
import { lazyPart } from '../common/lazyPart';
import { testResultText } from './testResultText';

// A failure's details (and the JSON diff they format) load when a test first fails.
const { Part: TestFailure } = lazyPart(
  () => import('./TestFailure').then((module) => module.TestFailure),
  null,
);

export interface TestItemProps {
  hookId: string;
  test: TestCase;
  result: TestResultState | undefined;
  /** The test's result on the hook's Action, when it ran there. */
  actionResult?: TestResultState | undefined;
  /** What Run runs the test on ("Run tests on"). */
  kinds?: RunKind[];
  onEdit(): void;
}

const isBusy = (result: TestResultState | undefined) =>
  result?.status === 'queued' || result?.status === 'running';

/** A result's verdict and, when the code it ran has changed since, a note saying so. */
function Verdict({ result, code }: { result: TestResultState | undefined; code?: string }) {
  const verdict = result?.status === 'done' ? result.verdict : undefined;
  const edited = result?.status === 'done' && result.code !== code;
  return (
    <span className={`test-result${verdict ? ` test-result-${verdict}` : ''}`}>
      {testResultText(result)}
      {edited && <span className="test-result-note"> (code edited since)</span>}
    </span>
  );
}

/**
 * One saved test: its name and last result (on the hook and, once it ran there, on the
 * Action), Run, Edit and Delete (which asks first), and, when it failed, why. The buttons are
 * named after the test so rows stay distinct.
 */
export function TestItem({
  hookId,
  test,
  result,
  actionResult,
  kinds = ['hook'],
  onEdit,
}: TestItemProps) {
  const nameId = useId();
  const code = useAppStore(selectCode);
  const actionCode = useAppStore((state) => selectHook(state).draft.action?.code);
  const [confirming, setConfirming] = useState(false);
  const store = () => appStore.getState();
  const busy = isBusy(result) || isBusy(actionResult);
  const failures = [
    { target: 'Hook' as const, state: result },
    { target: 'Action' as const, state: actionResult },
  ].filter(({ state }) => state?.status === 'done' && state.verdict !== 'passed');

  return (
    <li className="test-item" aria-labelledby={nameId}>
      <div className="test-row">
        <span id={nameId} className="test-name">
          {test.name}
        </span>
        {actionResult === undefined ? (
          <Verdict result={result} code={code} />
        ) : (
          <span className="test-results">
            Hook: <Verdict result={result} code={code} /> · Action:{' '}
            <Verdict result={actionResult} code={actionCode} />
          </span>
        )}
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
              onClick={() => kinds.forEach((kind) => void store().runTest(hookId, test.id, kind))}
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
      {[result, actionResult].map(
        (state, index) =>
          state?.status === 'error' && (
            <p key={index} className="field-note field-note-problem">
              {state.message}
            </p>
          ),
      )}
      {failures.map(
        ({ target, state }) =>
          state?.status === 'done' && (
            <TestFailure
              key={target}
              results={state.results}
              timedOut={state.verdict === 'timed-out'}
              {...(actionResult === undefined ? {} : { target })}
              onLoad={() => store().loadTestIntoWorkbench(hookId, test.id)}
            />
          ),
      )}
    </li>
  );
}
