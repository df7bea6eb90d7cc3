import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunOutcome } from '../core/schemas';
import { comparisonEdited } from './compareSlice';
import { outboundEntry, logEntry } from './fakeRunner.testSupport';
import {
  ACTION_CODE,
  CODE,
  end,
  giveAction,
  setupTestsStore as setup,
} from './testsStore.testSupport';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const setUp = () => {
  const ctx = setup();
  ctx.state().selectHook(ctx.hookId);
  giveAction(ctx.store, ctx.hookId);
  return ctx;
};

/** Waits for the comparison to leave 'running' (the report's module loads on first use). */
const settled = (state: () => { comparison: { status: string } }) =>
  vi.waitFor(() => expect(state().comparison.status).not.toBe('running'));

const withMetadata = (plan: string): Extract<RunOutcome, { status: 'succeeded' }> => ({
  status: 'succeeded',
  response: { user: { user_metadata: { plan } } },
  durationMs: 3,
});

describe('runBoth', () => {
  it("runs the hook and its Action at once on the test runner, with the hook's inputs and storage", () => {
    const { state, runs, testRuns, hookId } = setUp();
    state().setStorage(hookId, { data: { n: 1 } });
    state().setTimeoutInput('2500');
    state().runBoth();
    expect(state().comparison).toEqual({ status: 'running', hookId });
    expect(runs).toHaveLength(0);
    expect(testRuns.map((run) => run.request)).toMatchObject([
      { code: CODE, storage: { data: { n: 1 } }, payload: {} },
      { code: ACTION_CODE, kind: 'action', storage: { data: { n: 1 } }, payload: {} },
    ]);
    expect(testRuns[0]!.request.kind).toBeUndefined();
    expect(testRuns.map((run) => run.options.timeoutMs)).toEqual([2500, 2500]);
  });

  it('keeps both sides (outcome, requests, logs, api calls) and the report once both are done', async () => {
    const { state, testRuns, hookId } = setUp();
    state().runBoth();
    testRuns[0]!.log(logEntry(1, 'hook line'));
    testRuns[1]!.trace([outboundEntry(1)]);
    const apiCall = {
      seq: 0,
      method: 'api.user.setUserMetadata',
      args: ['plan', 'gold'],
      timeMs: 1,
    };
    await end(testRuns[0], withMetadata('gold'));
    expect(state().comparison.status).toBe('running');
    await end(testRuns[1], { ...withMetadata('gold'), apiCalls: [apiCall] });
    await settled(state);
    expect(state().comparison).toMatchObject({
      status: 'done',
      hookId,
      hook: { logs: [{ text: 'hook line' }], requests: [], apiCalls: [] },
      action: { logs: [], requests: [{ seq: 1 }], apiCalls: [apiCall] },
      // Only the Action made a request: the report sees both sides' requests.
      report: { equivalent: false, differences: [{ kind: 'request' }] },
      inputs: { action: { code: ACTION_CODE }, hook: { code: CODE } },
    });
  });

  it('reports the difference when the sides differ', async () => {
    const { state, testRuns } = setUp();
    state().runBoth();
    await end(testRuns[0], withMetadata('gold'));
    await end(testRuns[1], withMetadata('silver'));
    await settled(state);
    expect(state().comparison).toMatchObject({ status: 'done', report: { equivalent: false } });
  });

  it("never writes either side's storage back to the hook", async () => {
    const { state, testRuns, hookId } = setUp();
    state().setStorage(hookId, { data: { n: 1 } });
    state().runBoth();
    testRuns[0]!.store({ data: { n: 2 } });
    testRuns[1]!.store({ data: { n: 3 } });
    await end(testRuns[0]);
    await end(testRuns[1]);
    await settled(state);
    expect(state().hooks[hookId]!.storage).toEqual({ data: { n: 1 } });
  });

  it('does nothing for a hook without an Action draft', () => {
    const { state, testRuns, hookId } = setup();
    state().selectHook(hookId);
    state().runBoth();
    expect(testRuns).toHaveLength(0);
    expect(state().comparison).toEqual({ status: 'idle' });
  });

  it('does not start with unusable inputs, and says which', () => {
    const { state, testRuns, hookId } = setUp();
    state().setPayloadText(hookId, '{');
    state().runBoth();
    expect(testRuns).toHaveLength(0);
    expect(state().comparison).toMatchObject({
      status: 'not-started',
      hookId,
      message: expect.stringContaining('not valid JSON') as unknown,
    });
  });

  it("never cancels the workbench's run, and cancelRunBoth stops both sides", async () => {
    const { state, runs, testRuns } = setUp();
    state().startRun();
    state().runBoth();
    expect(runs[0]!.cancelled).toBe(false);
    state().cancelRunBoth();
    expect(testRuns.map((run) => run.cancelled)).toEqual([true, true]);
    expect(runs[0]!.cancelled).toBe(false);
    await settled(state);
    expect(state().comparison).toEqual({ status: 'idle' });
  });
});

describe('comparisonEdited', () => {
  it('is true once the code, the payload or the Action changed since the comparison', async () => {
    const { store, state, testRuns, hookId } = setUp();
    state().runBoth();
    await end(testRuns[0]);
    await end(testRuns[1]);
    await settled(state);
    const edited = () => comparisonEdited(state().comparison, state().hooks[hookId]);
    expect(edited()).toBe(false);
    giveAction(store, hookId, `${ACTION_CODE}\n`);
    expect(edited()).toBe(true);
    giveAction(store, hookId);
    expect(edited()).toBe(false);
    state().setPayloadText(hookId, '{ }');
    expect(edited()).toBe(true);
  });
});
