import { describe, expect, test } from 'vitest';
import { runOf, succeeded } from '../../core/testCases/testRun.testSupport';
import type { TestResultState, TestVerdict } from './testResultState';
import { summarizeTests, testSummaryText } from './testSummary';

const done = (verdict: TestVerdict): TestResultState => ({
  status: 'done',
  verdict,
  results: [],
  run: runOf(succeeded()),
  durationMs: 1,
  code: '',
});

describe('summarizeTests', () => {
  test('counts each verdict; timed-out tests are not failed ones', () => {
    expect(
      summarizeTests([done('passed'), done('failed'), done('timed-out'), done('passed')]),
    ).toEqual({ passed: 2, failed: 1, timedOut: 1, notRun: 0 });
  });

  test('never run, queued and running tests are not run; one that could not start failed', () => {
    expect(
      summarizeTests([
        undefined,
        { status: 'queued' },
        { status: 'running' },
        { status: 'error', message: 'The payload is not valid JSON' },
      ]),
    ).toEqual({ passed: 0, failed: 1, timedOut: 0, notRun: 3 });
  });

  test('of no tests is all zero', () => {
    expect(summarizeTests([])).toEqual({ passed: 0, failed: 0, timedOut: 0, notRun: 0 });
  });
});

describe('testSummaryText', () => {
  test('reads "N passed, M failed"', () => {
    expect(testSummaryText({ passed: 0, failed: 1, timedOut: 0, notRun: 2 })).toBe(
      '0 passed, 1 failed',
    );
    expect(testSummaryText({ passed: 1, failed: 0, timedOut: 0, notRun: 0 })).toBe(
      '1 passed, 0 failed',
    );
  });

  test('adds the timed-out tests only when there are some', () => {
    expect(testSummaryText({ passed: 3, failed: 1, timedOut: 2, notRun: 0 })).toBe(
      '3 passed, 1 failed, 2 timed out',
    );
  });
});
