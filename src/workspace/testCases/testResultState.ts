import type { Expectations } from '../../core/testCases/expectationSchema';
import {
  matchExpectations,
  type ExpectationResult,
  type TestRunResult,
} from '../../core/testCases/matchExpectations';
import { actualOutcome } from '../../core/testCases/matchOutcome';

export type TestVerdict = 'passed' | 'failed' | 'timed-out';

/** The last result of a test in this tab (results are not persisted). */
export type TestResultState =
  | { status: 'queued' }
  | { status: 'running' }
  | {
      status: 'done';
      verdict: TestVerdict;
      results: ExpectationResult[];
      run: TestRunResult;
      durationMs: number;
      /** The hook code the test ran against, so the UI can say "edited since". */
      code: string;
    }
  /** The run could not start (e.g. a payload that is not JSON, a bad override). */
  | { status: 'error'; message: string };

/** The expectation a run that did not finish fails when the test names no outcome. */
export const FINISHED_RUN = 'a finished run';

/**
 * The results of `expectations` on `run` and the verdict on them: passed when every result
 * passed; timed-out when not passed and the run timed out; otherwise failed. A run that did not
 * finish (timed out, crashed, cancelled) never passes by naming nothing about it: unless the
 * test expects that outcome, a failed "outcome" result is added. A crash always fails.
 */
export function judgeTestRun(
  expectations: Expectations,
  run: TestRunResult,
): { verdict: TestVerdict; results: ExpectationResult[] } {
  const results = matchExpectations(expectations, run);
  const { status } = run.outcome;
  const unfinished = status === 'timed-out' || status === 'crashed' || status === 'cancelled';
  if (unfinished && expectations.outcome === undefined) {
    results.unshift({
      expectation: 'outcome',
      passed: false,
      expected: FINISHED_RUN,
      actual: actualOutcome(run),
    });
  }
  const passed = status !== 'crashed' && results.every((result) => result.passed);
  const verdict = passed ? 'passed' : status === 'timed-out' ? 'timed-out' : 'failed';
  return { verdict, results };
}
