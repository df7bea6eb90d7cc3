import type { RunOutcome } from '../core/schemas';
import { testSummaryText } from '../workspace/testCases/testSummary';
import type { ExpectationResult } from '../core/testCases/matchExpectations';

/** How one test ended: as the app's Tests region says it, plus `error` for a test that could not start. */
export type Verdict = 'passed' | 'failed' | 'timed-out' | 'error';

/** One test's line of the report. */
export interface TestReport {
  hook: string;
  test: string;
  verdict: Verdict;
  durationMs: number;
  /** Each expectation's result; empty for a test that could not start. */
  results: ExpectationResult[];
  /** The run's outcome; absent for a test that could not start. */
  outcome?: RunOutcome;
  /** Why the test could not start (verdict `error`). */
  message?: string;
}

export interface Summary {
  passed: number;
  failed: number;
  timedOut: number;
  errors: number;
}

export function summarize(reports: readonly TestReport[]): Summary {
  const count = (verdict: Verdict) => reports.filter((r) => r.verdict === verdict).length;
  return {
    passed: count('passed'),
    failed: count('failed'),
    timedOut: count('timed-out'),
    errors: count('error'),
  };
}

/**
 * The app's summary ("N passed, M failed", ", K timed out" when any), plus ", E could not run"
 * when any: a CI log names tests that never started apart from failed ones.
 */
export function summaryText(summary: Summary): string {
  const text = testSummaryText({ ...summary, notRun: 0 });
  return summary.errors > 0 ? `${text}, ${summary.errors} could not run` : text;
}

export const allPassed = (reports: readonly TestReport[]): boolean =>
  reports.every((report) => report.verdict === 'passed');
