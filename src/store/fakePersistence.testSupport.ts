import { vi } from 'vitest';
import type { PersistenceEvent, WorkspacePersistence } from '../persist/createWorkspacePersistence';
import type { HookRecord } from '../workspace/hookRecord';
import { newHook } from '../workspace/newHook';
import { connectPersistence } from './connectPersistence';
import { createAppStore } from './createAppStore';
import { createFakeRunner } from './fakeRunner.testSupport';

/** A WorkspacePersistence that records calls and lets the test raise its events. */
export function fakePersistence() {
  const listeners = new Set<(event: PersistenceEvent) => void>();
  const persistence = {
    load: vi.fn(async () => ({
      hooks: [],
      settings: null,
      quarantined: [],
      migratedFromLocalStorage: 0,
    })),
    hookChanged: vi.fn<(record: HookRecord) => void>(),
    hookDeleted: vi.fn<(id: string) => void>(),
    forceHook: vi.fn<(record: HookRecord) => void>(),
    settingsChanged: vi.fn(),
    journalPending: vi.fn(),
    flush: vi.fn(async () => {}),
    quarantinedRaw: vi.fn(async () => '{}'),
    subscribe: vi.fn((listener: (event: PersistenceEvent) => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    }),
    close: vi.fn(),
  } satisfies WorkspacePersistence;
  const emit = (event: PersistenceEvent) => {
    for (const listener of [...listeners]) listener(event);
  };
  /** Every call that writes or deletes. */
  const writes = () =>
    persistence.hookChanged.mock.calls.length +
    persistence.hookDeleted.mock.calls.length +
    persistence.forceHook.mock.calls.length +
    persistence.settingsChanged.mock.calls.length;
  return { persistence, emit, writes, listenerCount: () => listeners.size };
}

/** A store connected to a fake persistence: `hook(id)` finds a hook, `emit` raises events. */
export function setupConnectedStore() {
  const store = createAppStore({
    runner: createFakeRunner().runner,
    testRunner: createFakeRunner().runner,
  });
  const fake = fakePersistence();
  const connection = connectPersistence(store, fake.persistence);
  const state = () => store.getState();
  const hook = (id: string): HookRecord => {
    const found = state().hooks[id];
    if (!found) throw new Error(`no hook ${id}`);
    return found;
  };
  return { store, state, hook, connection, ...fake };
}

/** A record another tab stored. */
export const remoteRecord = (id: string, extra: Partial<HookRecord> = {}): HookRecord => ({
  ...newHook({ id, pointId: 'pre-user-registration', name: `Remote ${id}`, now: 1 }),
  rev: 1,
  ...extra,
});
