import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TestCase } from '../core/testCases/testCaseSchema';
import { setupRunStore } from './appStore.testSupport';
import { logEntry } from './fakeRunner.testSupport';

const payloadText = '{ "user": { "email": "a@b.c" } }';
const test = (name: string, extra: Partial<TestCase> = {}): Omit<TestCase, 'id'> => ({
  name,
  payloadText,
  expectations: { outcome: { status: 'succeeded' } },
  ...extra,
});

function setup() {
  const store = setupRunStore();
  const hookId = store.state().createHook('pre-user-registration');
  return { ...store, hookId };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('runTest', () => {
  it("runs the test on the test runner with the hook's draft code and judges it after the grace period", async () => {
    const { state, runs, testRuns, hookId } = setup();
    state().setCode(hookId, 'module.exports = (u, c, cb) => cb(null, {});');
    const testId = state().saveTest(
      hookId,
      test('ok', { expectations: { console: [{ contains: 'late' }] } }),
    );
    const running = state().runTest(hookId, testId);
    expect(runs).toHaveLength(0);
    expect(testRuns[0]?.request).toMatchObject({
      point: 'pre-user-registration',
      code: 'module.exports = (u, c, cb) => cb(null, {});',
      payload: { user: { email: 'a@b.c' } },
      storage: {},
      network: { allowNetwork: false },
    });
    expect(state().testResults[testId]).toEqual({ status: 'running' });
    testRuns[0]?.settle({ status: 'succeeded', response: {}, durationMs: 7 });
    await vi.runAllTimersAsync();
    expect(state().testResults[testId]).toEqual({ status: 'running' });
    testRuns[0]?.log(logEntry(1, 'late line'));
    testRuns[0]?.finish();
    await running;
    expect(state().testResults[testId]).toMatchObject({
      status: 'done',
      verdict: 'passed',
      durationMs: 7,
      code: 'module.exports = (u, c, cb) => cb(null, {});',
    });
  });
});
