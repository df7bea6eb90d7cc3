import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ACTION_CODE,
  CODE,
  end,
  giveAction,
  newTest,
  setupTestsStore as setup,
} from './testsStore.testSupport';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const denied = {
  status: 'failed' as const,
  kind: 'callback-error' as const,
  error: { name: 'PreUserRegistrationError', message: 'no', friendlyMessage: 'no' },
  durationMs: 4,
};

describe('tests on the hook, the Action or both', () => {
  it('runs every test on both, as an Action run for the Action, and keeps each result apart', async () => {
    const { store, state, testRuns, hookId } = setup();
    giveAction(store, hookId);
    const [a, b] = ['a', 'b'].map((name) => state().saveTest(hookId, newTest(name)));
    const batch = state().runAllTests(hookId, 'both');
    expect(state().testBatch).toMatchObject({ total: 4, running: true });
    expect(testRuns.map((run) => [run.request.code, run.request.kind])).toEqual([
      [CODE, undefined],
      [ACTION_CODE, 'action'],
    ]);
    await end(testRuns[0]);
    await end(testRuns[1], denied);
    await end(testRuns[2]);
    await end(testRuns[3]);
    await batch;
    expect(testRuns[2]?.request.kind).toBeUndefined();
    expect(testRuns[3]?.request).toMatchObject({ code: ACTION_CODE, kind: 'action' });
    expect(state().testResults).toMatchObject({
      [a!]: { verdict: 'passed', code: CODE },
      [`${a}#action`]: { verdict: 'failed', code: ACTION_CODE },
      [b!]: { verdict: 'passed' },
      [`${b}#action`]: { verdict: 'passed' },
    });
    expect(state().testBatch).toMatchObject({ total: 4, done: 4, running: false });
  });

  it('runs on the Action only, leaving the results on the hook as they were', async () => {
    const { store, state, testRuns, hookId } = setup();
    giveAction(store, hookId);
    const a = state().saveTest(hookId, newTest('a'));
    const first = state().runTest(hookId, a);
    await end(testRuns[0]);
    await first;
    const onHook = state().testResults[a];
    const batch = state().runAllTests(hookId, 'action');
    expect(testRuns).toHaveLength(2);
    expect(testRuns[1]?.request.kind).toBe('action');
    await end(testRuns[1]);
    await batch;
    expect(state().testResults[a]).toBe(onHook);
    expect(state().testResults[`${a}#action`]).toMatchObject({ verdict: 'passed' });
  });

  it('runs on the hook only when the hook has no Action draft', async () => {
    const { state, testRuns, hookId } = setup();
    const a = state().saveTest(hookId, newTest('a'));
    const batch = state().runAllTests(hookId, 'both');
    expect(testRuns).toHaveLength(1);
    await end(testRuns[0]);
    await batch;
    expect(Object.keys(state().testResults)).toEqual([a]);
    await state().runTest(hookId, a, 'action');
    expect(testRuns).toHaveLength(1);
  });

  it('editing or deleting a test forgets its results on both', async () => {
    const { store, state, testRuns, hookId } = setup();
    giveAction(store, hookId);
    const a = state().saveTest(hookId, newTest('a'));
    const b = state().saveTest(hookId, newTest('b'));
    const batch = state().runAllTests(hookId, 'both');
    for (const run of testRuns.slice(0, 2)) await end(run);
    await end(testRuns[2]);
    await end(testRuns[3]);
    await batch;
    const test = state().hooks[hookId]!.tests[0]!;
    state().updateTest(hookId, { ...test, name: 'renamed' });
    state().deleteTest(hookId, b);
    expect(state().testResults).toEqual({});
    expect(a).toBe(test.id);
  });
});
