import { describe, expect, test } from 'vitest';
import { failed, runOf, succeeded } from '../../core/testCases/testRun.testSupport';
import type { RunOutcome } from '../../core/schemas';
import { FINISHED_RUN, judgeTestRun } from './testResultState';

const timedOut: RunOutcome = { status: 'timed-out', durationMs: 1000, hint: 'h' };
const crashed: RunOutcome = { status: 'crashed', durationMs: 9, message: 'Sandbox crashed' };

describe('judgeTestRun', () => {
  test('passes when every expectation passes', () => {
    const { verdict, results } = judgeTestRun(
      { outcome: { status: 'succeeded' }, response: { contains: { a: 1 } } },
      runOf(succeeded({ a: 1, b: 2 })),
    );
    expect(verdict).toBe('passed');
    expect(results.map((r) => [r.expectation, r.passed])).toEqual([
      ['outcome', true],
      ['response', true],
    ]);
  });

  test('fails when any expectation fails', () => {
    expect(
      judgeTestRun({ response: { equals: { a: 1 } } }, runOf(succeeded({ a: 2 }))).verdict,
    ).toBe('failed');
    expect(
      judgeTestRun({ outcome: { status: 'succeeded' } }, runOf(failed('Error', 'x'))).verdict,
    ).toBe('failed');
  });

  test('is timed out when a timed-out run fails its expectations', () => {
    const { verdict, results } = judgeTestRun({ response: { equals: {} } }, runOf(timedOut));
    expect(verdict).toBe('timed-out');
    expect(results[0]).toEqual({
      expectation: 'outcome',
      passed: false,
      expected: FINISHED_RUN,
      actual: { status: 'timed-out' },
    });
  });

  test('a run that did not finish fails a test that names nothing about it', () => {
    expect(judgeTestRun({}, runOf(timedOut)).verdict).toBe('timed-out');
    expect(judgeTestRun({}, runOf({ status: 'cancelled', durationMs: 0 })).verdict).toBe('failed');
    expect(judgeTestRun({}, runOf(succeeded())).verdict).toBe('passed');
  });

  test('passes a test that expects the timeout', () => {
    const { verdict, results } = judgeTestRun(
      { outcome: { status: 'timed-out' } },
      runOf(timedOut),
    );
    expect(verdict).toBe('passed');
    expect(results).toHaveLength(1);
  });

  test('a crashed sandbox always fails, even a test expecting a failure', () => {
    expect(judgeTestRun({}, runOf(crashed)).verdict).toBe('failed');
    expect(judgeTestRun({ outcome: { status: 'failed' } }, runOf(crashed)).verdict).toBe('failed');
  });
});
