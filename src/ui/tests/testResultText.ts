import type { TestResultState } from '../../store/testsSlice';
import type { summarizeTests } from '../../workspace/testCases/testSummary';
import { testSummaryText } from '../../workspace/testCases/testSummary';

/** A test's last result as its row reads it. */
export function testResultText(state: TestResultState | undefined): string {
  switch (state?.status) {
    case undefined:
      return 'not run';
    case 'queued':
      return 'queued';
    case 'running':
      return 'running…';
    case 'error':
      return 'could not run';
    case 'done':
      return state.verdict === 'timed-out' ? 'timed out' : state.verdict;
  }
}

/**
 * The Tests region's status line: the summary of the tests that ran ("2 passed, 1 failed"),
 * with those not run yet named only when there are some.
 */
export function testsStatusText(count: number, summary: ReturnType<typeof summarizeTests>): string {
  if (count === 0) return 'No tests yet.';
  if (summary.notRun === count)
    return count === 1 ? 'Not run yet.' : `${count} tests, not run yet.`;
  const ran = testSummaryText(summary);
  return summary.notRun > 0 ? `${ran}, ${summary.notRun} not run` : ran;
}
