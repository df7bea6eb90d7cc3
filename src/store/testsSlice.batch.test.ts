import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { end, newTest, setupTestsStore as setup } from './testsStore.testSupport';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('a batch and the workspace changing under it', () => {
  it('skips a test deleted, or whose hook is deleted, mid-batch: no crash, no result', async () => {
    const { state, testRuns, hookId } = setup();
    const other = state().createHook('pre-user-registration');
    const [a, b, c] = ['a', 'b', 'c'].map((name) => state().saveTest(hookId, newTest(name)));
    state().saveTest(other, newTest('d'));
    const batch = state().runWorkspaceTests();
    expect(state().testBatch).toMatchObject({ scope: 'workspace', total: 4, running: true });
    // "a" runs, "b" runs, "c" and "d" wait.
    state().deleteTest(hookId, a!);
    expect(testRuns[0]?.cancelled).toBe(true);
    await vi.runAllTimersAsync();
    state().deleteHook(other);
    await end(testRuns[1]);
    await end(testRuns[2]);
    await batch;
    // "d" never reached a sandbox.
    expect(testRuns).toHaveLength(3);
    expect(state().testResults).toEqual({
      [b!]: expect.objectContaining({ verdict: 'passed' }) as unknown,
      [c!]: expect.objectContaining({ verdict: 'passed' }) as unknown,
    });
    expect(state().testBatch).toMatchObject({ total: 2, done: 2, running: false });
  });

  it('runs every hook with tests in a workspace run, and lists the hooks it covers', async () => {
    const { state, testRuns, hookId } = setup();
    state().createHook();
    const other = state().createHook('post-change-password');
    state().saveTest(hookId, newTest('a'));
    state().saveTest(other, newTest('b', { payloadText: '{}' }));
    const batch = state().runWorkspaceTests();
    expect(state().testBatch?.hookIds).toEqual([hookId, other]);
    expect(testRuns.map((r) => r.request.point)).toEqual([
      'pre-user-registration',
      'post-change-password',
    ]);
    await end(testRuns[0]);
    await end(testRuns[1]);
    await batch;
    expect(state().testBatch).toMatchObject({
      scope: 'workspace',
      total: 2,
      done: 2,
      running: false,
    });
  });

  it('a workbench run and a test batch do not cancel each other', async () => {
    const { state, runs, testRuns, hookId } = setup();
    state().saveTest(hookId, newTest('a'));
    state().selectHook(hookId);
    state().startRun();
    const batch = state().runAllTests(hookId);
    expect(runs).toHaveLength(1);
    expect(testRuns).toHaveLength(1);
    state().cancelTests();
    expect(runs[0]?.cancelled).toBe(false);
    await batch;
    const again = state().runAllTests(hookId);
    state().cancelRun();
    expect(testRuns[1]?.cancelled).toBe(false);
    await end(testRuns[1]);
    await again;
  });
});
