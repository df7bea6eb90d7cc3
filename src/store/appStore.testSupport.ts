import type { HookRecord } from '../workspace/hookRecord';
import { newHook } from '../workspace/newHook';
import { createAppStore } from './createAppStore';
import { createFakeRunner } from './fakeRunner.testSupport';
import { selectHook } from './selectors';

/** A store with a fake runner, for tests about runs and drafts: `hook()` is the selected hook. */
export function setupRunStore() {
  const fake = createFakeRunner();
  const tests = createFakeRunner();
  const store = createAppStore({ runner: fake.runner, testRunner: tests.runner });
  const state = () => store.getState();
  /** The selected hook. */
  const hook = () => selectHook(state());
  /** A hook by id (throws when it is gone, so a test reads as intended). */
  const byId = (id: string) => {
    const found = state().hooks[id];
    if (!found) throw new Error(`no hook ${id}`);
    return found;
  };
  return { store, runs: fake.runs, testRuns: tests.runs, state, hook, byId };
}

/** A store for tests about the hook list: `hook(id)` finds a hook, `names()` lists them. */
export function setupWorkspaceStore() {
  const store = createAppStore({
    runner: createFakeRunner().runner,
    testRunner: createFakeRunner().runner,
  });
  const state = () => store.getState();
  const hook = (id: string): HookRecord => {
    const found = state().hooks[id];
    if (!found) throw new Error(`no hook ${id}`);
    return found;
  };
  const names = () => state().hookOrder.map((id) => hook(id).name);
  return { store, state, hook, names };
}

/** A stored pre-user-registration record as another tab or the database would hold it. */
export const storedRecord = (id: string, extra: Partial<HookRecord> = {}): HookRecord => ({
  ...newHook({ id, pointId: 'pre-user-registration', name: id, now: 100 }),
  ...extra,
});
