import { vi } from 'vitest';
import type { RunOutcome } from '../core/schemas';
import type { TestCase } from '../core/testCases/testCaseSchema';
import { createRunnerPool } from '../sandbox/createRunnerPool';
import { createAppStore, type AppStore } from './createAppStore';
import { changeHook } from './hookList';
import { createFakeRunner, type FakeRun } from './fakeRunner.testSupport';

// Store tests of test runs: a pool of two fake sandboxes, and tests to save.

export const payloadText = '{ "user": { "email": "a@b.c" } }';
export const CODE = 'module.exports = (u, c, cb) => cb(null, {});';
export const succeeded: RunOutcome = { status: 'succeeded', response: {}, durationMs: 7 };
export const newTest = (name: string, extra: Partial<TestCase> = {}): Omit<TestCase, 'id'> => ({
  name,
  payloadText,
  expectations: { outcome: { status: 'succeeded' } },
  ...extra,
});

/** A store whose tests run in a pool of two fake sandboxes (`testRuns` in hand-over order). */
export function setupTestsStore() {
  const workbench = createFakeRunner();
  const sandboxes = createFakeRunner();
  const store = createAppStore({
    runner: workbench.runner,
    testRunner: createRunnerPool({ size: 2, create: () => sandboxes.runner }),
  });
  const state = () => store.getState();
  const hookId = state().createHook('pre-user-registration');
  state().setCode(hookId, CODE);
  return { store, state, hookId, runs: workbench.runs, testRuns: sandboxes.runs };
}

/** Ends a fake run: its outcome, then the end of its grace period. */
export async function end(run: FakeRun | undefined, outcome: RunOutcome = succeeded) {
  run!.settle(outcome);
  run!.finish();
  await vi.runAllTimersAsync();
}

export const ACTION_CODE = 'exports.onExecutePreUserRegistration = async (event, api) => {};';

/** Gives the hook an Action draft, as "Port to Action" would. */
export function giveAction(store: AppStore, hookId: string, code = ACTION_CODE) {
  store.setState((state) =>
    changeHook(state, hookId, (hook) => ({
      ...hook,
      draft: { ...hook.draft, action: { code, dependencies: {}, notes: [] } },
    })),
  );
}
