import type { StateCreator } from 'zustand';
import type { TestCase } from '../core/testCases/testCaseSchema';
import { secretRowsOf } from '../workspace/draft/secrets';
import { sameValue } from '../workspace/sameValue';
import { testResultKeys } from '../workspace/testCases/testResultKey';
import { newTestId, testCaseProblem } from '../workspace/testCases/testCaseProblem';
import type { AppState } from './appState';
import { changeHook } from './hookList';

/** A hook's saved tests: each edit is a change of the hook, stored like any other. */
export interface TestCasesSlice {
  /**
   * Appends a test to the hook and returns its id. Throws when the test is invalid
   * (testCaseProblem says why): a stored hook with an invalid test could not be read back.
   */
  saveTest(hookId: string, test: Omit<TestCase, 'id'>): string;
  /** Replaces the test with `test.id` (throws like saveTest); its last result goes if it changed. */
  updateTest(hookId: string, test: TestCase): void;
  deleteTest(hookId: string, testId: string): void;
  /**
   * Selects the hook and puts the test's inputs in its draft: the payload text, each overridden
   * secret list, HTTP mocks, module mocks and auto-mocks, the storage before the run (empty
   * unless the test sets it), the network off and the test's timeout, so Run reproduces the
   * test. The code stays the hook's own.
   */
  loadTestIntoWorkbench(hookId: string, testId: string): void;
}

function checked<T extends Omit<TestCase, 'id'>>(test: T): T {
  const named = { ...test, name: test.name.trim() };
  const problem = testCaseProblem(named);
  if (problem !== null) throw new Error(`This test cannot be saved: ${problem}`);
  return named;
}

export const createTestCasesSlice: StateCreator<AppState, [], [], TestCasesSlice> = (set, get) => ({
  saveTest: (hookId, test) => {
    const saved: TestCase = { ...checked(test), id: newTestId() };
    set((state) =>
      changeHook(state, hookId, (hook) => ({ ...hook, tests: [...hook.tests, saved] })),
    );
    return saved.id;
  },

  updateTest: (hookId, test) => {
    const updated = checked(test);
    const before = get().hooks[hookId]?.tests.find((t) => t.id === test.id);
    if (before === undefined || sameValue(before, updated)) return;
    set((state) => {
      const testResults = withoutResultsOf(state.testResults, test.id);
      return {
        ...changeHook(state, hookId, (hook) => ({
          ...hook,
          tests: hook.tests.map((t) => (t.id === test.id ? updated : t)),
        })),
        testResults,
      };
    });
  },

  deleteTest: (hookId, testId) => {
    if (!get().hooks[hookId]?.tests.some((t) => t.id === testId)) return;
    set((state) => {
      const testResults = withoutResultsOf(state.testResults, testId);
      return {
        ...changeHook(state, hookId, (hook) => ({
          ...hook,
          tests: hook.tests.filter((t) => t.id !== testId),
        })),
        testResults,
      };
    });
  },

  loadTestIntoWorkbench: (hookId, testId) => {
    const test = get().hooks[hookId]?.tests.find((t) => t.id === testId);
    if (!test) return;
    const overrides = test.overrides ?? {};
    get().selectHook(hookId);
    set((state) =>
      changeHook(state, hookId, (hook) => ({
        ...hook,
        draft: {
          ...hook.draft,
          payloadText: test.payloadText,
          secrets: overrides.secrets ? secretRowsOf(overrides.secrets) : hook.draft.secrets,
          network: {
            mocks: overrides.httpMocks ?? hook.draft.network.mocks,
            // A test never reaches a real server.
            allowNetwork: false,
            moduleMocks: overrides.moduleMocks ?? hook.draft.network.moduleMocks,
            autoMocks: overrides.autoMocks ?? hook.draft.network.autoMocks,
            // A test has no auto-mock results of its own: the hook's stay.
            ...(hook.draft.network.autoMockResults && {
              autoMockResults: hook.draft.network.autoMockResults,
            }),
          },
        },
        storage: overrides.storage ?? {},
      })),
    );
    if (overrides.timeoutMs !== undefined)
      set({ timeoutMs: overrides.timeoutMs, timeoutInput: null });
  },
});

/** The results without a test's, on the hook and on the Action. */
function withoutResultsOf<T>(results: Record<string, T>, testId: string): Record<string, T> {
  const gone = new Set(testResultKeys(testId));
  return Object.fromEntries(Object.entries(results).filter(([key]) => !gone.has(key)));
}
