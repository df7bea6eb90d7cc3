import { describe, expect, it } from 'vitest';
import type { TestRunResult } from '../../core/testCases/matchExpectations';
import type { TestResultState, TestVerdict } from '../../store/testsSlice';
import { testResultText, testsStatusText, testsStatusTextByTarget } from './testResultText';

const RUN: TestRunResult = {
  pointId: 'pre-user-registration',
  payload: {},
  outcome: { status: 'timed-out', timeoutMs: 1000, durationMs: 1000 } as never,
  logs: [],
  requests: [],
};
const done = (verdict: TestVerdict): TestResultState => ({
  status: 'done',
  verdict,
  results: [],
  run: RUN,
  durationMs: 3,
  code: '',
});

describe('testResultText', () => {
  it('reads each last result as its row shows it', () => {
    expect(testResultText(undefined)).toBe('not run');
    expect(testResultText({ status: 'queued' })).toBe('queued');
    expect(testResultText(done('passed'))).toBe('passed');
    expect(testResultText(done('failed'))).toBe('failed');
    expect(testResultText(done('timed-out'))).toBe('timed out');
    expect(testResultText({ status: 'error', message: 'Bad payload' })).toBe('could not run');
  });
});

describe('testsStatusText', () => {
  const summary = (passed: number, failed: number, timedOut: number, notRun: number) => ({
    passed,
    failed,
    timedOut,
    notRun,
  });

  it('says when there are no tests, or none has run', () => {
    expect(testsStatusText(0, summary(0, 0, 0, 0))).toBe('No tests yet.');
    expect(testsStatusText(1, summary(0, 0, 0, 1))).toBe('Not run yet.');
    expect(testsStatusText(3, summary(0, 0, 0, 3))).toBe('3 tests, not run yet.');
  });

  it('gives the summary, naming timed-out and not-run tests only when there are some', () => {
    expect(testsStatusText(1, summary(0, 1, 0, 0))).toBe('0 passed, 1 failed');
    expect(testsStatusText(2, summary(1, 0, 1, 0))).toBe('1 passed, 0 failed, 1 timed out');
    expect(testsStatusText(3, summary(1, 1, 0, 1))).toBe('1 passed, 1 failed, 1 not run');
  });
});

describe('testsStatusTextByTarget', () => {
  const summary = (passed: number, failed: number, notRun: number) => ({
    passed,
    failed,
    timedOut: 0,
    notRun,
  });

  it('reads as before until a test ran on the Action', () => {
    expect(testsStatusTextByTarget(2, summary(2, 0, 0), null)).toBe('2 passed, 0 failed');
  });

  it('gives each target its summary once a test ran on the Action', () => {
    expect(testsStatusTextByTarget(2, summary(2, 0, 0), summary(1, 1, 0))).toBe(
      'Hook: 2 passed, 0 failed · Action: 1 passed, 1 failed',
    );
    expect(testsStatusTextByTarget(2, summary(0, 0, 2), summary(2, 0, 0))).toBe(
      'Hook: not run · Action: 2 passed, 0 failed',
    );
  });
});
