import { createStore } from 'zustand/vanilla';
import type { Runner } from '../sandbox/runner';
import type { AppState } from './appState';
import { createDraftSlice } from './draftSlice';
import { createHooksSlice } from './hooksSlice';
import { createRunSlice } from './runSlice';
import { createSessionSlice } from './sessionSlice';
import { createSyncSlice } from './syncSlice';
import { createVersionsSlice } from './versionsSlice';

export interface AppStoreDeps {
  runner: Runner;
}

/**
 * The store holds the workspace (one slice per concern) and the current run. It knows
 * nothing of storage: `connectPersistence` feeds its hooks to IndexedDB and applies other
 * tabs' changes.
 */
export function createAppStore({ runner }: AppStoreDeps) {
  const createRun = createRunSlice(runner);
  return createStore<AppState>()((...args) => ({
    ...createHooksSlice(...args),
    ...createDraftSlice(...args),
    ...createVersionsSlice(...args),
    ...createSyncSlice(...args),
    ...createSessionSlice(...args),
    ...createRun(...args),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
