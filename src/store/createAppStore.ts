import { createStore } from 'zustand/vanilla';
import type { Runner } from '../sandbox/runner';
import type { AppState } from './appState';
import { createRunSlice } from './runSlice';
import { createWorkspaceSlice } from './workspaceSlice';

export interface AppStoreDeps {
  runner: Runner;
}

/**
 * The store holds the workspace and the current run. It knows nothing of storage:
 * `connectPersistence` feeds its hooks to IndexedDB and applies other tabs' changes.
 */
export function createAppStore({ runner }: AppStoreDeps) {
  const createRun = createRunSlice(runner);
  return createStore<AppState>()((...args) => ({
    ...createWorkspaceSlice(...args),
    ...createRun(...args),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
