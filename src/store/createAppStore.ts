import { createStore } from 'zustand/vanilla';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import type { Runner } from '../sandbox/runner';
import type { AppState } from './appState';
import { persistOptions, type PersistedState } from './persistOptions';
import { createRunSlice } from './runSlice';
import { createWorkspaceSlice } from './workspaceSlice';

export interface AppStoreDeps {
  runner: Runner;
  /** Where drafts and settings are kept; omit for a store that forgets on reload (tests). */
  storage?: StateStorage;
}

export function createAppStore({ runner, storage }: AppStoreDeps) {
  const createRun = createRunSlice(runner);
  return createStore<AppState>()(
    persist((...args) => ({ ...createWorkspaceSlice(...args), ...createRun(...args) }), {
      ...persistOptions,
      storage: createJSONStorage<PersistedState>(() => storage ?? memoryStorage()),
    }),
  );
}

export type AppStore = ReturnType<typeof createAppStore>;

function memoryStorage(): StateStorage {
  const items = new Map<string, string>();
  return {
    getItem: (name) => items.get(name) ?? null,
    setItem: (name, value) => void items.set(name, value),
    removeItem: (name) => void items.delete(name),
  };
}
