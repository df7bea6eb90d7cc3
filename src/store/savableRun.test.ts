import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HttpMock } from '../core/networkSchemas';
import { SAVED_PARTS, expectationsFromRun } from '../core/testCases/expectationsFromRun';
import { logEntry } from './fakeRunner.testSupport';
import { savableRunOf } from './selectors';
import { end, setupTestsStore, succeeded } from './testsStore.testSupport';

const mock: HttpMock = {
  id: 'm1',
  method: 'GET',
  urlPattern: 'https://api.example.com/*',
  status: 200,
  headers: {},
  body: '{}',
  delayMs: 0,
};

/** A store whose selected hook has a secret, a mock and stored data, ready to run. */
function setup() {
  const app = setupTestsStore();
  const { state, hookId } = app;
  const row = state().addSecret(hookId);
  state().setSecretName(hookId, row, 'API_KEY');
  state().setSecretValue(hookId, row, 'k1');
  const { id: _id, ...patch } = mock;
  state().updateHttpMock(hookId, state().addHttpMock(hookId), patch);
  state().setStorage(hookId, { data: { before: 1 } });
  state().setPayloadText(hookId, '{ "user": { "email": "run@example.com" } }');
  return app;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('savableRunOf', () => {
  it('is the finished run of the selected hook with the inputs it ran with', async () => {
    const { state, runs, hookId } = setup();
    expect(savableRunOf(state())).toBeNull();
    state().startRun();
    expect(savableRunOf(state())).toBeNull();
    runs[0]!.log(logEntry(1, 'hello'));
    runs[0]!.store({ data: { after: 2 } });
    runs[0]!.settle(succeeded);
    await vi.runAllTimersAsync();
    // Still in its grace period: late lines and writes may come.
    expect(savableRunOf(state())).toBeNull();
    runs[0]!.finish();
    await vi.runAllTimersAsync();

    const savable = savableRunOf(state());
    expect(savable).toEqual({
      hookId,
      run: {
        pointId: 'pre-user-registration',
        payload: { user: { email: 'run@example.com' } },
        outcome: succeeded,
        logs: [expect.objectContaining({ text: 'hello' }) as unknown],
        requests: [],
        storage: { data: { after: 2 } },
      },
      payloadText: '{ "user": { "email": "run@example.com" } }',
      overrides: {
        secrets: { API_KEY: 'k1' },
        httpMocks: [{ ...mock, id: expect.any(String) as unknown }],
        storage: { data: { before: 1 } },
      },
    });
    // The same object while the run is the same, so a component may select it.
    state().setCodePaneFraction(0.3);
    expect(savableRunOf(state())).toBe(savable);
  });

  it('is null for a cancelled run, one that never started, and another hook than the one run', async () => {
    const { state, runs, hookId } = setup();
    state().startRun();
    state().cancelRun();
    await vi.runAllTimersAsync();
    expect(state().run.outcome?.status).toBe('cancelled');
    expect(savableRunOf(state())).toBeNull();

    state().setPayloadText(hookId, '{');
    state().startRun();
    expect(state().run.outcome?.status).toBe('not-started');
    expect(savableRunOf(state())).toBeNull();

    state().setPayloadText(hookId, '{}');
    state().startRun();
    await end(runs[1]);
    expect(savableRunOf(state())).not.toBeNull();
    state().createHook();
    expect(savableRunOf(state())).toBeNull();
  });

  it('saved as a test with every part, reproduces the run and passes on the same outcome', async () => {
    const { state, runs, testRuns, hookId } = setup();
    state().startRun();
    runs[0]!.log(logEntry(1, 'hello'));
    runs[0]!.store({ data: { after: 2 } });
    await end(runs[0]);
    const savable = savableRunOf(state())!;
    const testId = state().saveTest(hookId, {
      name: 'Snapshot',
      payloadText: savable.payloadText,
      overrides: savable.overrides,
      expectations: expectationsFromRun(savable.run, SAVED_PARTS),
    });
    // Later edits of the hook's settings do not change what the test runs with.
    state().setStorage(hookId, {});
    state().setAllowNetwork(hookId, true);

    const run = state().runTest(hookId, testId);
    expect(testRuns[0]!.request).toEqual({ ...runs[0]!.request, storage: { data: { before: 1 } } });
    testRuns[0]!.log(logEntry(1, 'hello'));
    testRuns[0]!.store({ data: { after: 2 } });
    await end(testRuns[0]);
    await run;
    expect(state().testResults[testId]).toMatchObject({ status: 'done', verdict: 'passed' });
  });
});
