import { get } from 'idb-keyval';
import { expect, vi } from 'vitest';
import type { HookRecord } from '../workspace/hookRecord';
import { newHook } from '../workspace/newHook';
import {
  createWorkspacePersistence,
  type PersistenceEvent,
  type PersistenceOptions,
  type WorkspacePersistence,
} from './createWorkspacePersistence';
import { rawStore } from './storageFakes.testSupport';

/** Every layer a test opened; each test file closes them after each test. */
export const opened: WorkspacePersistence[] = [];

/** One tab: a persistence layer on `dbName`, with every event it raises recorded. */
export function openTab(dbName: string, options: PersistenceOptions = {}) {
  const persistence = createWorkspacePersistence({
    dbName,
    channelName: dbName,
    delayMs: 20,
    legacyStorage: null,
    ...options,
  });
  opened.push(persistence);
  const events: PersistenceEvent[] = [];
  persistence.subscribe((event) => events.push(event));
  const eventually = (expected: Partial<PersistenceEvent> | Record<string, unknown>) =>
    vi.waitFor(() => expect(events).toContainEqual(expect.objectContaining(expected)));
  return { persistence, events, eventually };
}

export const hook = (
  id: string,
  code = 'module.exports = function (u, c, cb) { cb(); };',
): HookRecord => {
  const record = newHook({ pointId: 'pre-user-registration', name: `Hook ${id}`, id, now: 1000 });
  return { ...record, draft: { ...record.draft, code } };
};

export const edit = (record: HookRecord, code: string): HookRecord => ({
  ...record,
  draft: { ...record.draft, code },
});

export const stored = (dbName: string, id: string) =>
  get<HookRecord>(`hook:${id}`, rawStore(dbName));

export const settled = () => new Promise((resolve) => setTimeout(resolve, 60));
