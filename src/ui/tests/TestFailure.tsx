import { formatJsonDiff } from '../../core/testCases/jsonDiff';
import type { ExpectationResult } from '../../core/testCases/matchExpectations';

export interface TestFailureProps {
  results: readonly ExpectationResult[];
  timedOut: boolean;
  /** Whose run failed, when the test ran on both the hook and its Action. */
  target?: 'Hook' | 'Action';
  onLoad(): void;
}

// The JSON blocks scroll (they are capped in height), so each takes the focus for the keyboard.
const json = (value: unknown) => (value === undefined ? '(none)' : JSON.stringify(value, null, 2));

/**
 * Why a test failed: each failing expectation's Expected and Actual as JSON, and for JSON
 * values the readable diff; then "Load into workbench" to debug the run there.
 */
export function TestFailure({ results, timedOut, target, onLoad }: TestFailureProps) {
  const failing = results.filter((result) => !result.passed);
  return (
    <details className="test-failure" open>
      <summary>
        {timedOut ? 'Timed out' : 'What differs'}
        {target && ` on the ${target}`}
      </summary>
      {timedOut && failing.length === 0 && (
        <p className="empty">
          The {target === 'Action' ? 'Action did not finish' : 'hook did not call back'} within the
          timeout.
        </p>
      )}
      {failing.map((result) => (
        <div key={result.expectation} className="test-expectation">
          <h3 className="test-expectation-name">{result.expectation}</h3>
          {result.differences && result.differences.length > 0 && (
            <pre className="json test-diff" tabIndex={0}>
              {formatJsonDiff(result.differences)}
            </pre>
          )}
          <div className="test-compare">
            <section aria-label="Expected">
              <h4 className="result-title">Expected</h4>
              <pre className="json" tabIndex={0}>
                {json(result.expected)}
              </pre>
            </section>
            <section aria-label="Actual">
              <h4 className="result-title">Actual</h4>
              <pre className="json" tabIndex={0}>
                {json(result.actual)}
              </pre>
            </section>
          </div>
        </div>
      ))}
      <button type="button" className="button button-small" onClick={onLoad}>
        Load into workbench
      </button>
    </details>
  );
}
