import type { TestResultState } from '../../store/testsSlice';
import type { TestSummary } from '../../workspace/testCases/testSummary';
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
export function testsStatusText(count: number, summary: TestSummary): string {
  if (count === 0) return 'No tests yet.';
  if (summary.notRun === count)
    return count === 1 ? 'Not run yet.' : `${count} tests, not run yet.`;
  const ran = testSummaryText(summary);
  return summary.notRun > 0 ? `${ran}, ${summary.notRun} not run` : ran;
}

/**
 * The status line once any test ran on the Action: each target's summary
 * ("Hook: 2 passed, 0 failed · Action: 1 passed, 1 failed"); `action` null = none ran there.
 */
export function testsStatusTextByTarget(
  count: number,
  hook: TestSummary,
  action: TestSummary | null,
): string {
  if (action === null || count === 0) return testsStatusText(count, hook);
  const part = (summary: TestSummary) =>
    summary.notRun === count ? 'not run' : testsStatusText(count, summary);
  return `Hook: ${part(hook)} · Action: ${part(action)}`;
}
