import { createStore } from 'zustand/vanilla';
import type { Runner } from '../sandbox/runner';
import type { AppState } from './appState';
import { createCompareSlice } from './compareSlice';
import { createDraftSlice } from './draftSlice';
import { createHooksSlice } from './hooksSlice';
import { createPackagesSlice, type PackageDeps } from './packagesSlice';
import { createRunSlice } from './runSlice';
import { createSessionSlice, keepCodeTabFitting } from './sessionSlice';
import { createActionSlice } from './actionSlice';
import { createSyncSlice } from './syncSlice';
import { createTestCasesSlice } from './testCasesSlice';
import { createTestsSlice } from './testsSlice';
import { createVersionsSlice } from './versionsSlice';

export interface AppStoreDeps {
  /** The workbench's runner. */
  runner: Runner;
  /**
   * Where saved tests and "Run both" run (a pool of sandboxes): never the workbench's, so
   * neither cancels the other.
   */
  testRunner: Runner;
  /** Where npm packages are stored and fetched from; without it none can be (tests). */
  packages?: PackageDeps;
}

/**
 * The store holds the workspace (one slice per concern) and the current run. It knows
 * nothing of storage: `connectPersistence` feeds its hooks to IndexedDB and applies other
 * tabs' changes.
 */
export function createAppStore({ runner, testRunner, packages }: AppStoreDeps) {
  const createRun = createRunSlice(runner);
  const createTests = createTestsSlice(testRunner);
  const createCompare = createCompareSlice(testRunner);
  const store = createStore<AppState>()((...args) => ({
    ...createHooksSlice(...args),
    ...createDraftSlice(...args),
    ...createVersionsSlice(...args),
    ...createSyncSlice(...args),
    ...createSessionSlice(...args),
    ...createRun(...args),
    ...createTestCasesSlice(...args),
    ...createTests(...args),
    ...createActionSlice(...args),
    ...createCompare(...args),
    ...createPackagesSlice(packages)(...args),
  }));
  keepCodeTabFitting(store);
  return store;
}

export type AppStore = ReturnType<typeof createAppStore>;
