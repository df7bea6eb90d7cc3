import type { TestResultState } from './testResultState';

/**
 * How a set of tests stands. A test that could not start (status 'error') counts as failed:
 * it does not show the behaviour it describes. Queued, running and never-run tests are not run.
 */
export interface TestSummary {
  passed: number;
  failed: number;
  timedOut: number;
  notRun: number;
}

export function summarizeTests(states: readonly (TestResultState | undefined)[]): TestSummary {
  const summary: TestSummary = { passed: 0, failed: 0, timedOut: 0, notRun: 0 };
  for (const state of states) {
    if (state?.status === 'error') summary.failed += 1;
    else if (state?.status !== 'done') summary.notRun += 1;
    else if (state.verdict === 'passed') summary.passed += 1;
    else if (state.verdict === 'timed-out') summary.timedOut += 1;
    else summary.failed += 1;
  }
  return summary;
}

/** "N passed, M failed", and ", K timed out" when any did (those are not in M). */
export function testSummaryText(summary: TestSummary): string {
  const text = `${summary.passed} passed, ${summary.failed} failed`;
  return summary.timedOut > 0 ? `${text}, ${summary.timedOut} timed out` : text;
}
