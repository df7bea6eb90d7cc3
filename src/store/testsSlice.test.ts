import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from './createAppStore';
import { createFakeRunner, logEntry } from './fakeRunner.testSupport';
import { CODE, end, newTest, setupTestsStore as setup, succeeded } from './testsStore.testSupport';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('runTest', () => {
  it("runs the test with the hook's draft code on the test runner, judged after the grace period", async () => {
    const { state, runs, testRuns, hookId } = setup();
    const testId = state().saveTest(
      hookId,
      newTest('ok', { expectations: { console: [{ contains: 'late' }] } }),
    );
    const running = state().runTest(hookId, testId);
    expect(runs).toHaveLength(0);
    expect(testRuns[0]?.request).toMatchObject({
      point: 'pre-user-registration',
      code: CODE,
      payload: { user: { email: 'a@b.c' } },
      storage: {},
      network: { allowNetwork: false },
    });
    expect(state().testResults[testId]).toEqual({ status: 'running' });
    testRuns[0]?.settle(succeeded);
    await vi.runAllTimersAsync();
    expect(state().testResults[testId]).toEqual({ status: 'running' });
    testRuns[0]?.log(logEntry(1, 'late line'));
    testRuns[0]?.finish();
    await running;
    expect(state().testResults[testId]).toMatchObject({
      status: 'done',
      verdict: 'passed',
      durationMs: 7,
      code: CODE,
      run: { logs: [{ text: 'late line' }] },
    });
  });

  it("uses the test's timeout and storage, or the workspace's timeout and empty storage", async () => {
    const { state, testRuns, hookId } = setup();
    state().setStorage(hookId, { data: { hooks: 'own' } });
    state().setTimeoutInput('3000');
    const plain = state().saveTest(hookId, newTest('plain'));
    const own = state().saveTest(
      hookId,
      newTest('own', {
        overrides: { timeoutMs: 1500, storage: { data: { n: 1 } } },
        expectations: { storage: { equals: { n: 2 } } },
      }),
    );
    void state().runTest(hookId, plain);
    void state().runTest(hookId, own);
    expect(testRuns.map((r) => [r.options.timeoutMs, r.request.storage])).toEqual([
      [3000, {}],
      [1500, { data: { n: 1 } }],
    ]);
    testRuns[1]!.store({ data: { n: 2 } });
    await end(testRuns[1]);
    expect(state().testResults[own]).toMatchObject({
      verdict: 'passed',
      run: { storage: { data: { n: 2 } } },
    });
    // The hook's own storage is not the test's.
    expect(state().hooks[hookId]?.storage).toEqual({ data: { hooks: 'own' } });
  });

  it('reports a test that cannot start as an error with the reason, without a sandbox', async () => {
    const { state, store, testRuns, hookId } = setup();
    const badSecret = state().saveTest(
      hookId,
      newTest('secret', { overrides: { secrets: { '': 'v' } } }),
    );
    const badPayload = state().saveTest(hookId, newTest('payload'));
    // Only data from outside (an older store, a hand-edited file) can hold such a payload.
    store.setState((s) => {
      const hook = s.hooks[hookId]!;
      const tests = hook.tests.map((t) =>
        t.id === badPayload ? { ...t, payloadText: '{ nope' } : t,
      );
      return { hooks: { ...s.hooks, [hookId]: { ...hook, tests } } };
    });
    await state().runAllTests(hookId);
    expect(testRuns).toHaveLength(0);
    expect(state().testResults[badPayload]).toEqual({
      status: 'error',
      message: expect.stringMatching(/^The payload is not valid JSON: /) as string,
    });
    expect(state().testResults[badSecret]).toEqual({
      status: 'error',
      message: 'Secrets: row 1: This secret has no name. Give it one, or remove the row.',
    });
    expect(state().testBatch).toMatchObject({ total: 2, done: 2, running: false });
  });

  it('reports a test the runner refuses as an error, and the batch still ends', async () => {
    const store = createAppStore({
      runner: createFakeRunner().runner,
      testRunner: {
        run: () => {
          throw new Error('This runner has been disposed.');
        },
        dispose: () => {},
      },
    });
    const hookId = store.getState().selectedHookId;
    const id = store.getState().saveTest(hookId, newTest('refused'));
    await store.getState().runAllTests(hookId);
    expect(store.getState().testResults[id]).toEqual({
      status: 'error',
      message: 'The test could not start: This runner has been disposed.',
    });
    expect(store.getState().testBatch).toMatchObject({ done: 1, running: false });
  });

  it('does not queue a test twice', () => {
    const { state, testRuns, hookId } = setup();
    const id = state().saveTest(hookId, newTest('once'));
    void state().runTest(hookId, id);
    void state().runTest(hookId, id);
    expect(testRuns).toHaveLength(1);
  });
});

describe('runAllTests', () => {
  it('runs every test of the hook, as many at once as the pool allows, with its progress', async () => {
    const { state, testRuns, hookId } = setup();
    const ids = ['a', 'b', 'c'].map((name) => state().saveTest(hookId, newTest(name)));
    const batch = state().runAllTests(hookId);
    expect(state().testBatch).toEqual({
      scope: 'hook',
      hookIds: [hookId],
      total: 3,
      done: 0,
      running: true,
    });
    expect(ids.map((id) => state().testResults[id]?.status)).toEqual([
      'running',
      'running',
      'queued',
    ]);
    await end(testRuns[0]);
    expect(state().testBatch?.done).toBe(1);
    expect(ids.map((id) => state().testResults[id]?.status)).toEqual([
      'done',
      'running',
      'running',
    ]);
    await end(testRuns[1], { status: 'succeeded', durationMs: 2 });
    await end(testRuns[2], {
      status: 'failed',
      kind: 'callback-error',
      error: { name: 'Error', message: 'no' },
      durationMs: 2,
    });
    await batch;
    expect(state().testBatch).toMatchObject({ total: 3, done: 3, running: false });
    expect(ids.map((id) => state().testResults[id])).toMatchObject([
      { verdict: 'passed' },
      { verdict: 'passed' },
      { verdict: 'failed' },
    ]);
  });

  it('reports a test that times out as such and a crashed sandbox as failed; the others still run', async () => {
    const { state, testRuns, hookId } = setup();
    const ids = ['slow', 'crash', 'fine'].map((name) => state().saveTest(hookId, newTest(name)));
    const batch = state().runAllTests(hookId);
    await end(testRuns[0], {
      status: 'timed-out',
      durationMs: 1000,
      hint: 'the callback was never called',
    });
    await end(testRuns[1], {
      status: 'crashed',
      durationMs: 5,
      message: 'Sandbox crashed (out of memory?)',
    });
    await end(testRuns[2]);
    await batch;
    expect(ids.map((id) => state().testResults[id])).toMatchObject([
      { verdict: 'timed-out' },
      { verdict: 'failed' },
      { verdict: 'passed' },
    ]);
  });

  it('does not start a second batch while one runs', () => {
    const { state, testRuns, hookId } = setup();
    state().saveTest(hookId, newTest('a'));
    void state().runAllTests(hookId);
    void state().runAllTests(hookId);
    void state().runWorkspaceTests();
    expect(testRuns).toHaveLength(1);
    expect(state().testBatch?.scope).toBe('hook');
  });

  it('keeps showing a result after the hook code changes, with the code it ran against', async () => {
    const { state, testRuns, hookId } = setup();
    const id = state().saveTest(hookId, newTest('a'));
    const batch = state().runAllTests(hookId);
    state().setCode(hookId, 'module.exports = () => {};');
    await end(testRuns[0]);
    await batch;
    expect(state().testResults[id]).toMatchObject({ verdict: 'passed', code: CODE });
  });
});

describe('cancelTests', () => {
  it('stops the running and queued tests mid-batch; each gets back the result it had', async () => {
    const { state, testRuns, hookId } = setup();
    const ids = ['a', 'b', 'c', 'd'].map((name) => state().saveTest(hookId, newTest(name)));
    const earlier = state().runTest(hookId, ids[3]!);
    await end(testRuns[0]);
    await earlier;
    const lastResult = state().testResults[ids[3]!];
    const batch = state().runAllTests(hookId);
    await end(testRuns[1]);
    state().cancelTests();
    await batch;
    expect(testRuns.map((r) => r.cancelled)).toEqual([false, false, true, true]);
    // Test "d" was queued behind them: no sandbox ever saw it.
    expect(testRuns).toHaveLength(4);
    expect(ids.map((id) => state().testResults[id]?.status)).toEqual([
      'done',
      undefined,
      undefined,
      'done',
    ]);
    expect(state().testResults[ids[3]!]).toBe(lastResult);
    expect(state().testBatch).toMatchObject({ total: 4, done: 1, running: false });
  });
});
