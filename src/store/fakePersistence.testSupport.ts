import { vi } from 'vitest';
import type { PersistenceEvent, WorkspacePersistence } from '../persist/createWorkspacePersistence';
import type { HookRecord } from '../workspace/hookRecord';

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
