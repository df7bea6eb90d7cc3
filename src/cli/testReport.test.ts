import { describe, expect, it } from 'vitest';
import type { ExpectationResult } from '../core/testCases/matchExpectations';
import { summarize, summaryText, verdictOf } from './testReport';
import { errorReport, failedReport, passedReport, timedOutReport } from './reports.testSupport';

const result = (passed: boolean): ExpectationResult => ({
  expectation: 'outcome',
  passed,
  expected: {},
  actual: {},
});
const succeeded = { status: 'succeeded', durationMs: 1 } as const;
const timedOut = { status: 'timed-out', durationMs: 1 } as const;

describe('verdictOf', () => {
  it('passes when every expectation passed, also a run that timed out as expected', () => {
    expect(verdictOf([result(true)], succeeded)).toBe('passed');
    expect(verdictOf([result(true)], timedOut)).toBe('passed');
    expect(verdictOf([], succeeded)).toBe('passed');
  });

  it('is timed out when an expectation failed and the run timed out, else failed', () => {
    expect(verdictOf([result(true), result(false)], timedOut)).toBe('timed-out');
    expect(verdictOf([result(false)], succeeded)).toBe('failed');
  });
});

describe('summaryText', () => {
  it('says "N passed, M failed", and timed-out and unrunnable tests only when there are any', () => {
    expect(summaryText(summarize([passedReport, failedReport]))).toBe('1 passed, 1 failed');
    expect(summaryText(summarize([timedOutReport, errorReport, failedReport]))).toBe(
      '0 passed, 1 failed, 1 timed out, 1 could not run',
    );
  });
});
